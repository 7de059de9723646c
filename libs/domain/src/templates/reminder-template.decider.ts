import type { ReminderTemplateEvent, ReminderTemplateTexts } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { sameJson } from './field-values';

export const reminderTemplateStreamId = (templateId: string) => `reminder-template-${templateId}`;

export type ReminderTemplateState =
  | { status: 'absent' }
  | { status: 'active'; name: string; texts: ReminderTemplateTexts }
  | { status: 'deleted' };

export function evolveReminderTemplate(
  state: ReminderTemplateState,
  event: ReminderTemplateEvent,
): ReminderTemplateState {
  switch (event.type) {
    case 'ReminderTemplateCreated':
    case 'ReminderTemplateReplaced':
      return { status: 'active', name: event.data.name, texts: event.data.texts };
    case 'ReminderTemplateDeleted':
      return { status: 'deleted' };
    default:
      return assertNever(event);
  }
}

/** Inputs arrive checked (checkTemplateName, checkReminderTexts). */
export type CreateReminderTemplate = {
  type: 'CreateReminderTemplate';
  templateId: string;
  name: string;
  texts: ReminderTemplateTexts;
};
/** Replaces the whole template; reminders scheduled from it keep their copy of the texts. */
export type ReplaceReminderTemplate = {
  type: 'ReplaceReminderTemplate';
  templateId: string;
  name: string;
  texts: ReminderTemplateTexts;
};
export type DeleteReminderTemplate = { type: 'DeleteReminderTemplate'; templateId: string };
export type ReminderTemplateCommand =
  CreateReminderTemplate | ReplaceReminderTemplate | DeleteReminderTemplate;

const unchanged = (state: ReminderTemplateState, command: { name: string; texts: ReminderTemplateTexts }) =>
  state.status === 'active' && state.name === command.name && sameJson(state.texts, command.texts);

export function decideReminderTemplate(
  command: ReminderTemplateCommand,
  state: ReminderTemplateState,
): ReminderTemplateEvent[] {
  const { templateId } = command;
  switch (command.type) {
    case 'CreateReminderTemplate':
      // The same creation again is a retry (same Idempotency-Key, same id): nothing new happens.
      if (unchanged(state, command)) return [];
      if (state.status !== 'absent')
        throw new RuleViolationError(
          'REMINDER_TEMPLATE_ALREADY_EXISTS',
          `Reminder template ${templateId} already exists`,
        );
      return [
        { type: 'ReminderTemplateCreated', data: { templateId, name: command.name, texts: command.texts } },
      ];
    case 'ReplaceReminderTemplate':
      if (state.status !== 'active') throw new NotFoundError('reminder template', templateId);
      if (unchanged(state, command)) return [];
      return [
        { type: 'ReminderTemplateReplaced', data: { templateId, name: command.name, texts: command.texts } },
      ];
    case 'DeleteReminderTemplate':
      if (state.status !== 'active') throw new NotFoundError('reminder template', templateId);
      return [{ type: 'ReminderTemplateDeleted', data: { templateId } }];
    default:
      return assertNever(command);
  }
}

export const reminderTemplateDecider: Decider<
  ReminderTemplateState,
  ReminderTemplateCommand,
  ReminderTemplateEvent
> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveReminderTemplate,
  decide: decideReminderTemplate,
};
