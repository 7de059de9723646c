import type { FormSection, FormTemplateEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { RuleViolationError } from '../shared/domain-errors';
import { sameJson } from './field-values';

export const formTemplateStreamId = (templateId: string) => `form-template-${templateId}`;

export type FormTemplateState =
  { status: 'absent' } | { status: 'active'; name: string; sections: FormSection[] };

export function evolveFormTemplate(_state: FormTemplateState, event: FormTemplateEvent): FormTemplateState {
  switch (event.type) {
    case 'FormTemplateCreated':
      return { status: 'active', name: event.data.name, sections: event.data.sections };
    default:
      return assertNever(event.type);
  }
}

/** Inputs arrive checked (checkTemplateName, checkFormSections). */
export type CreateFormTemplate = {
  type: 'CreateFormTemplate';
  templateId: string;
  name: string;
  sections: FormSection[];
};
export type FormTemplateCommand = CreateFormTemplate;

export function decideFormTemplate(
  command: FormTemplateCommand,
  state: FormTemplateState,
): FormTemplateEvent[] {
  switch (command.type) {
    case 'CreateFormTemplate': {
      const { templateId, name, sections } = command;
      // The same creation again is a retry (same Idempotency-Key, same id): nothing new happens.
      if (state.status === 'active' && state.name === name && sameJson(state.sections, sections)) return [];
      if (state.status !== 'absent')
        throw new RuleViolationError(
          'FORM_TEMPLATE_ALREADY_EXISTS',
          `Form template ${templateId} already exists`,
        );
      return [{ type: 'FormTemplateCreated', data: { templateId, name, sections } }];
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
