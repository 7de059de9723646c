import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dossiers/platform';
import type { ReminderCampaignSummary } from '../reminder-campaign-reads';

/** GET /reminder-campaigns: the firm's campaigns, the latest first. */
export class ListReminderCampaignsQuery extends Query<{ items: ReminderCampaignSummary[]; total: number }> {
  constructor(readonly principal: Principal) {
    super();
  }
}
