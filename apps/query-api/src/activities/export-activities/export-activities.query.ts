import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ActivityParams } from '../activity-filters';
import type { ActivityWorkbookInput } from './activity-workbook';

/** GET /activities/export.xlsx: every activity matching the filters, as rows still to be read. */
export class ExportActivitiesQuery extends Query<ActivityWorkbookInput> {
  constructor(
    readonly principal: Principal,
    readonly params: Omit<ActivityParams, 'cursor'>,
  ) {
    super();
  }
}
