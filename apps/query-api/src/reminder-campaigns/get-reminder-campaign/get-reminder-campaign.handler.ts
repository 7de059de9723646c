import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { REMINDER_CAMPAIGNS_COLLECTION, type ReminderCampaignDoc } from '@dossiers/read-models';
import { summaryOf, type ReminderCampaignDetail } from '../reminder-campaign-reads';
import { GetReminderCampaignQuery } from './get-reminder-campaign.query';

@QueryHandler(GetReminderCampaignQuery)
export class GetReminderCampaignHandler implements IQueryHandler<GetReminderCampaignQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** Another firm's campaign answers 404, exactly like a missing one. */
  async execute({ principal, campaignId }: GetReminderCampaignQuery): Promise<ReminderCampaignDetail> {
    const campaigns = this.readStore.collection<ReminderCampaignDoc>(REMINDER_CAMPAIGNS_COLLECTION);
    const doc = await campaigns.findById(campaignId);
    if (!doc || doc.tenant !== principal.tenant) throw new NotFoundError('reminder campaign', campaignId);
    return { ...summaryOf(doc), clients: doc.clients };
  }
}
