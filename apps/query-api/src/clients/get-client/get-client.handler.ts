import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENT_SHEETS_COLLECTION,
  CLIENTS_COLLECTION,
  type ClientListDoc,
  type ClientSheetDoc,
} from '@dossiers/read-models';
import { ClientAccess } from '../../access/client-access';
import { groupNames, toListItem } from '../client-list';
import { GetClientQuery, type ClientSheetView } from './get-client.query';

@QueryHandler(GetClientQuery)
export class GetClientHandler implements IQueryHandler<GetClientQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: GetClientQuery): Promise<ClientSheetView> {
    const { tenant } = principal;
    const asStaff = this.access.isFirmWide(principal);
    // Staff need only the tenant check below; members need their membership (one read, not two for staff).
    if (!asStaff) await this.access.view(principal, clientId);
    const doc = await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findById(clientId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('client', clientId);
    const [names, sheet] = await Promise.all([
      groupNames(this.readStore, tenant, [doc.groupId]),
      this.readStore.collection<ClientSheetDoc>(CLIENT_SHEETS_COLLECTION).findById(clientId),
    ]);
    return {
      ...toListItem(doc, names, asStaff),
      attributes: doc.attributes,
      // the sheet's fields (from its templates) describe the attributes; extra attributes have none
      fields: sheet?.fields ?? [],
      sheetTemplates: sheet?.sheetTemplates ?? [],
      revision: this.access.revisionFor(principal, doc.revision),
    };
  }
}
