import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ScheduleReminderInput } from '../reminder-steps';

/** The client's revision, and the reminder scheduled. */
export type ReminderScheduledResult = CommandResult & { reminderId: string };

/** POST /clients/:id/reminders */
export class ScheduleReminderCommand extends Command<ReminderScheduledResult> {
  constructor(
    readonly clientId: string,
    readonly input: ScheduleReminderInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
