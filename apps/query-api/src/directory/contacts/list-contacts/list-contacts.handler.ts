import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CONTACTS_COLLECTION, type ContactDoc } from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import { directoryPage } from '../../directory-page';
import { linksSeenBy, toContactItem, type ContactItem } from '../contact-item';
import { ListContactsQuery } from './list-contacts.query';

/** Every contact of the firm; `clientsCount` counts the clients the caller may see. */
@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, params }: ListContactsQuery): Promise<{ items: ContactItem[]; total: number }> {
    const contacts = this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION);
    const [{ docs, total }, linksOf] = await Promise.all([
      directoryPage(contacts, principal.tenant, params),
      linksSeenBy(this.access, principal),
    ]);
    return { items: docs.map((doc) => toContactItem(doc, linksOf(doc))), total };
  }
}
