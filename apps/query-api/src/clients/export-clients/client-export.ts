import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENTS_COLLECTION,
  GROUPS_COLLECTION,
  type ClientListDoc,
  type GroupDoc,
} from '@dossiers/read-models';
import { ClientQueries, CLIENT_SORTS } from '../client-queries';
import type { ExportClientsQuery } from './export-clients.dto';
import { writeClientWorkbook, type ClientWorkbookInput } from './client-workbook';

@Injectable()
export class ClientExport {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly queries: ClientQueries,
  ) {}

  /** Everything the header needs before the first row: the attribute keys (one column each) and the group names. */
  async prepare(tenant: string, query: ExportClientsQuery): Promise<ClientWorkbookInput> {
    const clients = this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION);
    const filter = this.queries.filterOf(tenant, query);
    const attributeKeys = await clients.distinctKeys(filter, 'attributes');
    const groups = await this.readStore.collection<GroupDoc>(GROUPS_COLLECTION).find({ tenant });
    return {
      attributeKeys,
      groupNames: new Map(groups.map((g) => [g._id, g.name])),
      clients: clients.stream(filter, { sort: CLIENT_SORTS[query.sort ?? 'name'] }),
    };
  }

  write(output: Writable, input: ClientWorkbookInput): Promise<void> {
    return writeClientWorkbook(output, input);
  }
}
