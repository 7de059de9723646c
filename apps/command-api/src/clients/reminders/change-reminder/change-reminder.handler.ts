import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  activeOrNotFound,
  checkAll,
  checkCustomisedTexts,
  checkRecipients,
  checkSchedule,
  NotFoundError,
  valid,
  validOrThrow,
  type ChangeReminder,
  type Checked,
  type ClientState,
} from '@dossiers/domain';
import type { CommandResult } from '@dossiers/application';
import { ClientCommandRunner } from '../../client-command-runner';
import { ChangeReminderCommand, type ChangeReminderInput } from './change-reminder.command';

const given = <T>(raw: unknown, check: (raw: unknown) => Checked<T>): Checked<T | undefined> =>
  raw === undefined ? valid(undefined) : check(raw);

/**
 * The change as a command, on the state it decides on: a customised subject or body replaces the
 * reminder's own text in that language (not the template's, which may have changed since).
 */
function changeOf(clientId: string, reminderId: string, input: ChangeReminderInput, now: string) {
  return (state: ClientState): ChangeReminder => {
    const reminder = activeOrNotFound(state, clientId).reminders[reminderId];
    if (!reminder) throw new NotFoundError('reminder', reminderId);
    const customised = input.subject !== undefined || input.body !== undefined;
    const { texts, recipients, schedule } = validOrThrow(
      checkAll({
        texts: customised
          ? checkCustomisedTexts(reminder.texts, input.subject, input.body)
          : valid(undefined),
        recipients: given(input.recipients, (raw) => checkRecipients(raw)),
        schedule: given(input.schedule, (raw) => checkSchedule(raw)),
      }),
    );
    return { type: 'ChangeReminder', clientId, reminderId, texts, recipients, schedule, now };
  };
}

/** Reschedules a reminder or changes its recipients or texts: only occurrences not yet sent change. */
@CommandHandler(ChangeReminderCommand)
export class ChangeReminderHandler implements ICommandHandler<ChangeReminderCommand> {
  constructor(private readonly runner: ClientCommandRunner) {}

  execute({ clientId, reminderId, input, context }: ChangeReminderCommand): Promise<CommandResult> {
    return this.runner.run(clientId, changeOf(clientId, reminderId, input, context.now), context);
  }
}
