import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CLIENT_FORMS_COLLECTION, type ClientFormsDoc } from '@dossiers/read-models';
import { ClientAccess } from '../../../access/client-access';
import { visibleSheet, type SheetTab } from '../visible-sheet';
import { ListClientFormsQuery, type ClientFormView } from './list-client-forms.query';

/** The route is for the firm's people (the query routes' default), who see every form and its answers. */
@QueryHandler(ListClientFormsQuery)
export class ListClientFormsHandler implements IQueryHandler<ListClientFormsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: ListClientFormsQuery): Promise<SheetTab<ClientFormView>> {
    const sheet = await visibleSheet(this.readStore, this.access, principal, clientId);
    const doc = await this.readStore.collection<ClientFormsDoc>(CLIENT_FORMS_COLLECTION).findById(clientId);
    const when = (form: ClientFormView) => form.sentAt ?? form.scheduledAt ?? '';
    const items = Object.values(doc?.forms ?? {})
      .map((form) => ({ ...form, contactIds: form.recipients.map((r) => r.contactId) }))
      .sort((a, b) => when(a).localeCompare(when(b)));
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }
}
