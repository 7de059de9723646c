import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  CONTACTS_COLLECTION,
  type ClientListDoc,
  type ContactDoc,
} from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import { linksSeenBy, toContactItem } from '../contact-item';
import { GetContactQuery, type ContactDetail } from './get-contact.query';

/** The contact with its clients, named as they are now (one lookup of the few clients it has). */
@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, contactId }: GetContactQuery): Promise<ContactDetail> {
    const { tenant } = principal;
    const doc = await this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION).findById(contactId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('contact', contactId);
    const links = (await linksSeenBy(this.access, principal))(doc);
    const ids = links.map((link) => link.clientId);
    const found = ids.length
      ? await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findByIds(ids)
      : [];
    const names = new Map(found.filter((c) => c.tenant === tenant).map((c) => [c._id, c.name]));
    // A client deleted meanwhile is no longer in `clients`: it is left out rather than shown unnamed.
    const clients = links
      .filter((link) => names.has(link.clientId))
      .map((link) => ({
        id: link.clientId,
        name: names.get(link.clientId)!,
        language: link.language,
        attachedAt: link.attachedAt,
      }));
    const { clientsCount: _count, ...item } = toContactItem(doc, links);
    // An address nobody confirmed yet is for the firm's administrators, auditors and services.
    const pending = this.access.isFirmWide(principal) ? { pendingEmail: doc.pendingEmail ?? null } : {};
    return { ...item, ...pending, clients, revision: doc.revision };
  }
}
