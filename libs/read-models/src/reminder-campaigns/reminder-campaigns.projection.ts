import type {
  ReminderCampaignEvent,
  ReminderCampaignTarget,
  ReminderRecipients,
  ReminderScheduleData,
} from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';

/** One reminder campaign of a firm: what it scheduled, and on which clients (each one's reminder). */
export interface ReminderCampaignDoc extends Document {
  /** the campaign id */
  _id: string;
  tenant: string;
  templateId: string;
  templateName: string;
  target: ReminderCampaignTarget;
  schedule: ReminderScheduleData;
  recipients: ReminderRecipients;
  clientsCount: number;
  /** in the campaign's order (client ids sorted) */
  clients: { clientId: string; reminderId: string }[];
  launchedAt: string;
  launchedBy: string;
}

export const REMINDER_CAMPAIGNS_COLLECTION = 'reminder_campaigns';

function evolveReminderCampaign(
  doc: ReminderCampaignDoc | null,
  event: Recorded<ReminderCampaignEvent>,
): ReminderCampaignDoc | null {
  switch (event.type) {
    case 'ReminderCampaignLaunched': {
      const { campaignId, clientIds, reminderIds, launchedAt, ...data } = event.data;
      return {
        _id: campaignId,
        tenant: event.metadata.tenant,
        templateId: data.templateId,
        templateName: data.templateName,
        target: data.target,
        schedule: data.schedule,
        recipients: data.recipients,
        clientsCount: clientIds.length,
        clients: clientIds.map((clientId) => ({ clientId, reminderId: reminderIds[clientId] })),
        launchedAt,
        launchedBy: event.metadata.actor,
      };
    }
    default:
      return doc;
  }
}

export const reminderCampaignsProjection = defineProjection<ReminderCampaignDoc, ReminderCampaignEvent>({
  name: 'reminder-campaigns',
  collection: REMINDER_CAMPAIGNS_COLLECTION,
  canHandle: ['ReminderCampaignLaunched'],
  creates: ['ReminderCampaignLaunched'],
  documentId: idFrom('campaignId'),
  evolve: evolveReminderCampaign,
  indexes: [
    {
      name: 'by_tenant_launched',
      fields: [
        ['tenant', 1],
        ['launchedAt', -1],
      ],
    },
  ],
});
