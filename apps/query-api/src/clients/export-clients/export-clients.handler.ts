import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientListDoc,
  type GroupDoc,
} from '@dossiers/read-models';
import { ClientAccess } from '../../access/client-access';
import { CLIENT_SORT_ORDERS, clientFilter } from '../client-list';
import type { ClientWorkbookInput } from './client-workbook';
import { ExportClientsQuery } from './export-clients.query';

/** Everything the header needs before the first row: the attribute keys (one column each) and the group names. */
@QueryHandler(ExportClientsQuery)
export class ExportClientsHandler implements IQueryHandler<ExportClientsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, params }: ExportClientsQuery): Promise<ClientWorkbookInput> {
    const { tenant } = principal;
    const clients = this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
    // A collaborator exports the clients they may see, and nothing else.
    const visibleIds = await this.access.visibleClientIds(principal);
    const filter = clientFilter(tenant, params, visibleIds);
    const attributeKeys = await clients.distinctKeys(filter, 'attributes');
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).find({ tenant });
    return {
      attributeKeys,
      groupNames: new Map(groups.map((g) => [g._id, g.name])),
      clients: clients.stream(filter, { sort: CLIENT_SORT_ORDERS[params.sort ?? 'name'] }),
      asStaff: visibleIds === null,
    };
  }
}
