import { PickType } from '@nestjs/swagger';
import { ListClientsQuery } from '../list-clients/list-clients.dto';

/** The export takes the list's filters and order, without paging. */
export class ExportClientsQuery extends PickType(ListClientsQuery, ['search', 'groupId', 'sort'] as const) {}
