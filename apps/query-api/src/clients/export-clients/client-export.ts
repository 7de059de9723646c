import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientListDoc,
  type GroupDoc,
} from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';
import { ClientQueries, CLIENT_SORTS } from '../client-queries';
import type { ExportClientsQuery } from './export-clients.dto';
import { writeClientWorkbook, type ClientWorkbookInput } from './client-workbook';

@Injectable()
export class ClientExport {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly queries: ClientQueries,
    private readonly access: ClientAccess,
  ) {}

  /** Everything the header needs before the first row: the attribute keys (one column each) and the group names. */
  async prepare(principal: Principal, query: ExportClientsQuery): Promise<ClientWorkbookInput> {
    const { tenant } = principal;
    const clients = this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
    // A collaborator exports the clients they may see, and nothing else.
    const visibleIds = await this.access.visibleClientIds(principal);
    const filter = this.queries.filterOf(tenant, query, visibleIds);
    const attributeKeys = await clients.distinctKeys(filter, 'attributes');
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).find({ tenant });
    return {
      attributeKeys,
      groupNames: new Map(groups.map((g) => [g._id, g.name])),
      clients: clients.stream(filter, { sort: CLIENT_SORTS[query.sort ?? 'name'] }),
      asStaff: visibleIds === null,
    };
  }

  write(output: Writable, input: ClientWorkbookInput): Promise<void> {
    return writeClientWorkbook(output, input);
  }
}
