import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ClientAccess } from '../../../access/client-access';
import { visibleSheet, type SheetTab } from '../visible-sheet';
import { ListClientFormsQuery, type ClientFormView } from './list-client-forms.query';

@QueryHandler(ListClientFormsQuery)
export class ListClientFormsHandler implements IQueryHandler<ListClientFormsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: ListClientFormsQuery): Promise<SheetTab<ClientFormView>> {
    const sheet = await visibleSheet(this.readStore, this.access, principal, clientId);
    return { items: sheet.forms, revision: this.access.revisionFor(principal, sheet.revision) };
  }
}
