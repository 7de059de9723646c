import { PickType } from '@nestjs/swagger';
import { ListClientsDto } from '../list-clients/list-clients.dto';

/** The export takes the list's filters and order, without paging. */
export class ExportClientsDto extends PickType(ListClientsDto, ['search', 'groupId', 'sort'] as const) {}
