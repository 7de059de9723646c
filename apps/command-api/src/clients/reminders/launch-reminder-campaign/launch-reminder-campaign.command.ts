import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ScheduleReminderInput } from '../reminder-steps';

/** The body of POST /reminder-campaigns, as sent. */
export type LaunchReminderCampaignInput = Omit<ScheduleReminderInput, 'formId'> & { target?: unknown };

/** A client the campaign matched but could not schedule on (deleted since, or the reminder does not fit it). */
export type CampaignClientSkipped = { clientId: string; code: string; message: string };

/** The campaign's revision, how many clients it matched, and those it could not schedule on. */
export type ReminderCampaignLaunchedResult = CommandResult & {
  campaignId: string;
  clients: number;
  scheduled: number;
  skipped: CampaignClientSkipped[];
};

/** POST /reminder-campaigns */
export class LaunchReminderCampaignCommand extends Command<ReminderCampaignLaunchedResult> {
  constructor(
    readonly input: LaunchReminderCampaignInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
