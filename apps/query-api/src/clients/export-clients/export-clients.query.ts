import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ClientFilters, ClientSort } from '../client-list';
import type { ClientWorkbookInput } from './client-workbook';

/** GET /clients/export.xlsx: everything the workbook needs, its rows as a stream still to be read. */
export class ExportClientsQuery extends Query<ClientWorkbookInput> {
  constructor(
    readonly principal: Principal,
    readonly params: ClientFilters & { sort?: ClientSort },
  ) {
    super();
  }
}
