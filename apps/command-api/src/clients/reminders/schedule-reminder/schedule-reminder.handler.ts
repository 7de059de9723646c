import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { validOrThrow } from '@dossiers/domain';
import { ClientCommandRunner } from '../../client-command-runner';
import { ReminderSteps } from '../reminder-steps';
import { ScheduleReminderCommand, type ReminderScheduledResult } from './schedule-reminder.command';

/** Schedules a reminder template, customised, on a client: its texts and the firm's calendar are copied into it. */
@CommandHandler(ScheduleReminderCommand)
export class ScheduleReminderHandler implements ICommandHandler<ScheduleReminderCommand> {
  constructor(
    private readonly steps: ReminderSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  async execute({ clientId, input, context }: ScheduleReminderCommand): Promise<ReminderScheduledResult> {
    const command = validOrThrow(await this.steps.schedule(clientId, input, context));
    return { ...(await this.runner.run(clientId, command, context)), reminderId: command.reminderId };
  }
}
