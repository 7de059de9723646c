import type { ReminderCampaignDoc } from '@dossiers/read-models';

/** What the list shows of a campaign: all but its clients. */
export type ReminderCampaignSummary = Omit<ReminderCampaignDoc, '_id' | 'tenant' | 'clients'> & {
  id: string;
};
export type ReminderCampaignDetail = ReminderCampaignSummary & { clients: ReminderCampaignDoc['clients'] };

export const summaryOf = ({
  _id,
  tenant: _,
  clients: __,
  ...doc
}: ReminderCampaignDoc): ReminderCampaignSummary => ({
  id: _id,
  ...doc,
});

/** Campaigns reach every client of the firm: its firm-wide roles see them (collaborators and contacts do not). */
export const CAMPAIGN_READERS = ['admin', 'auditor', 'service'] as const;
