import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ReminderCampaignDetail } from '../reminder-campaign-reads';

/** GET /reminder-campaigns/:id: the campaign with each client's reminder. */
export class GetReminderCampaignQuery extends Query<ReminderCampaignDetail> {
  constructor(
    readonly principal: Principal,
    readonly campaignId: string,
  ) {
    super();
  }
}
