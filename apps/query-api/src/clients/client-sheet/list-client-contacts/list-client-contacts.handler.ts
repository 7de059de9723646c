import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CONTACTS_COLLECTION, type ContactDoc } from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import { visibleSheet, type SheetTab } from '../visible-sheet';
import { ListClientContactsQuery, type ClientContactView } from './list-client-contacts.query';

@QueryHandler(ListClientContactsQuery)
export class ListClientContactsHandler implements IQueryHandler<ListClientContactsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: ListClientContactsQuery): Promise<SheetTab<ClientContactView>> {
    const sheet = await visibleSheet(this.readStore, this.access, principal, clientId);
    const ids = sheet.contacts.map((c) => c.contactId);
    const found = await this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION).findByIds(ids);
    const byId = new Map(found.map((c) => [c._id, c]));
    const items = sheet.contacts.map((link) => {
      const contact = byId.get(link.contactId);
      return {
        contactId: link.contactId,
        firstName: contact?.firstName ?? null,
        lastName: contact?.lastName ?? null,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        activated: contact?.activated ?? false,
        language: link.language,
        attachedAt: link.attachedAt,
        lastInvitedAt: link.lastInvitedAt,
      };
    });
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }
}
