import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { REMINDER_CAMPAIGNS_COLLECTION, type ReminderCampaignDoc } from '@dossiers/read-models';
import { summaryOf } from '../reminder-campaign-reads';
import { ListReminderCampaignsQuery } from './list-reminder-campaigns.query';

/** A firm launches a few campaigns a year: the latest 100 are the list, `total` counts them all. */
const LIMIT = 100;

@QueryHandler(ListReminderCampaignsQuery)
export class ListReminderCampaignsHandler implements IQueryHandler<ListReminderCampaignsQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal }: ListReminderCampaignsQuery) {
    const campaigns = this.readStore.collection<ReminderCampaignDoc>(REMINDER_CAMPAIGNS_COLLECTION);
    const filter = { tenant: principal.tenant };
    const [docs, total] = await Promise.all([
      campaigns.find(filter, {
        sort: [
          ['launchedAt', -1],
          ['_id', 1],
        ],
        limit: LIMIT,
      }),
      campaigns.count(filter),
    ]);
    return { items: docs.map(summaryOf), total };
  }
}
