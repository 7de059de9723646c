import type { FormSection, FormTemplateEvent, LanguageTexts } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { RuleViolationError } from '../shared/domain-errors';
import { assertEventsFit } from '../shared/event-size';
import { sameJson } from './field-values';

export const formTemplateStreamId = (templateId: string) => `form-template-${templateId}`;

/** What a form template holds: its questions, where its report is filed, its email's texts. */
export type FormTemplateContent = {
  name: string;
  sections: FormSection[];
  targetFolderPath: string | null;
  messages: LanguageTexts;
};

export type FormTemplateState = { status: 'absent' } | ({ status: 'active' } & FormTemplateContent);

export function evolveFormTemplate(_state: FormTemplateState, event: FormTemplateEvent): FormTemplateState {
  switch (event.type) {
    case 'FormTemplateCreated': {
      const { name, sections, targetFolderPath, messages } = event.data;
      return { status: 'active', name, sections, targetFolderPath, messages };
    }
    default:
      return assertNever(event.type);
  }
}

/**
 * Inputs arrive checked (checkTemplateName, checkFormSections, checkTargetFolderPath,
 * checkFormMessages); without a target folder or messages the report goes to the client's root
 * and the email has no message of the firm's.
 */
export type CreateFormTemplate = {
  type: 'CreateFormTemplate';
  templateId: string;
  name: string;
  sections: FormSection[];
  targetFolderPath?: string | null;
  messages?: LanguageTexts;
};
export type FormTemplateCommand = CreateFormTemplate;

export function decideFormTemplate(
  command: FormTemplateCommand,
  state: FormTemplateState,
): FormTemplateEvent[] {
  switch (command.type) {
    case 'CreateFormTemplate': {
      const { templateId, name, sections } = command;
      const content = {
        name,
        sections,
        targetFolderPath: command.targetFolderPath ?? null,
        messages: command.messages ?? {},
      };
      // The same creation again is a retry (same Idempotency-Key, same id): nothing new happens.
      // (sameJson skips undefined properties: the state's content against the command's.)
      if (state.status === 'active' && sameJson({ ...state, status: undefined }, content)) return [];
      if (state.status !== 'absent')
        throw new RuleViolationError(
          'FORM_TEMPLATE_ALREADY_EXISTS',
          `Form template ${templateId} already exists`,
        );
      return assertEventsFit([{ type: 'FormTemplateCreated', data: { templateId, ...content } }], {
        field: 'sections',
        advice: 'use fewer questions or options',
      });
    }
    default:
      return assertNever(command.type);
  }
}

export const formTemplateDecider: Decider<FormTemplateState, FormTemplateCommand, FormTemplateEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveFormTemplate,
  decide: decideFormTemplate,
};
