import type { SheetField, SheetTemplateEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { assertEventsFit } from '../shared/event-size';
import { sameJson } from './field-values';

export const sheetTemplateStreamId = (templateId: string) => `sheet-template-${templateId}`;

export type SheetTemplateState =
  { status: 'absent' } | { status: 'active'; name: string; fields: SheetField[] } | { status: 'deleted' };

export function evolveSheetTemplate(
  state: SheetTemplateState,
  event: SheetTemplateEvent,
): SheetTemplateState {
  switch (event.type) {
    case 'SheetTemplateCreated':
    case 'SheetTemplateReplaced':
      return { status: 'active', name: event.data.name, fields: event.data.fields };
    case 'SheetTemplateDeleted':
      return { status: 'deleted' };
    default:
      return assertNever(event);
  }
}

/** Inputs arrive checked (checkTemplateName, checkSheetFields). */
export type CreateSheetTemplate = {
  type: 'CreateSheetTemplate';
  templateId: string;
  name: string;
  fields: SheetField[];
};
/** Replaces the whole template; clients that loaded it keep their copy. */
export type ReplaceSheetTemplate = {
  type: 'ReplaceSheetTemplate';
  templateId: string;
  name: string;
  fields: SheetField[];
};
export type DeleteSheetTemplate = { type: 'DeleteSheetTemplate'; templateId: string };
export type SheetTemplateCommand = CreateSheetTemplate | ReplaceSheetTemplate | DeleteSheetTemplate;

const SIZE = { field: 'fields', advice: 'use fewer fields or options' };

const unchanged = (state: SheetTemplateState, command: { name: string; fields: SheetField[] }) =>
  state.status === 'active' && state.name === command.name && sameJson(state.fields, command.fields);

export function decideSheetTemplate(
  command: SheetTemplateCommand,
  state: SheetTemplateState,
): SheetTemplateEvent[] {
  const { templateId } = command;
  switch (command.type) {
    case 'CreateSheetTemplate':
      // The same creation again is a retry (same Idempotency-Key, same id): nothing new happens.
      if (unchanged(state, command)) return [];
      if (state.status !== 'absent')
        throw new RuleViolationError(
          'SHEET_TEMPLATE_ALREADY_EXISTS',
          `Sheet template ${templateId} already exists`,
        );
      return assertEventsFit(
        [{ type: 'SheetTemplateCreated', data: { templateId, name: command.name, fields: command.fields } }],
        SIZE,
      );
    case 'ReplaceSheetTemplate':
      if (state.status !== 'active') throw new NotFoundError('sheet template', templateId);
      if (unchanged(state, command)) return [];
      return assertEventsFit(
        [{ type: 'SheetTemplateReplaced', data: { templateId, name: command.name, fields: command.fields } }],
        SIZE,
      );
    case 'DeleteSheetTemplate':
      if (state.status !== 'active') throw new NotFoundError('sheet template', templateId);
      return [{ type: 'SheetTemplateDeleted', data: { templateId } }];
    default:
      return assertNever(command);
  }
}

export const sheetTemplateDecider: Decider<SheetTemplateState, SheetTemplateCommand, SheetTemplateEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveSheetTemplate,
  decide: decideSheetTemplate,
};
