import { OmitType } from '@nestjs/swagger';
import { ListActivitiesDto } from '../list-activities/list-activities.dto';

/** The export takes the firm-wide log's filters, without paging: every matching activity. */
export class ExportActivitiesDto extends OmitType(ListActivitiesDto, ['cursor', 'limit'] as const) {}
