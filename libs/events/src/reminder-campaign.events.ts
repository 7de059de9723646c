/**
 * A reminder campaign (stream `reminder-campaign-<campaignId>`): the same reminder scheduled on
 * every client of the firm a target matched. Each client's reminder is its own ReminderScheduled,
 * on the client's stream; this records the campaign so it can be listed, and which clients it chose.
 */

import type { ReminderRecipients, ReminderScheduleData } from './client-reminder.events';
import type { AttributeValue } from './client.events';

/** Clients in any of `groupIds` (when given) whose attributes equal every `attributeEquals` entry (when given). */
export type ReminderCampaignTarget = {
  groupIds: string[] | null;
  attributeEquals: Record<string, AttributeValue> | null;
};

export type ReminderCampaignLaunched = {
  type: 'ReminderCampaignLaunched';
  data: {
    campaignId: string;
    templateId: string;
    templateName: string;
    target: ReminderCampaignTarget;
    schedule: ReminderScheduleData;
    recipients: ReminderRecipients;
    /** the clients matched when launched (as of the client list read model's position then) */
    clientIds: string[];
    /** clientId -> the reminder scheduled on it (derived from the campaign and the client) */
    reminderIds: Record<string, string>;
    launchedAt: string;
  };
};

export type ReminderCampaignEvent = ReminderCampaignLaunched;
