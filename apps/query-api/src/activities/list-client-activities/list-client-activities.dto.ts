import { ActivityPageDto } from '../activity-filters.dto';

/** `GET /clients/:id/activities`: the filters, the cursor and the page size. */
export class ListClientActivitiesDto extends ActivityPageDto {}
