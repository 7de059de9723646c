import type { ReminderTemplateEvent, ReminderTemplateTexts } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { checkAll } from '../shared/checked';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { checkReminderTexts } from '../reminders/reminder-texts';
import { checkTemplateName } from './template-name';
import { reminderTemplateDecider, reminderTemplateStreamId } from './reminder-template.decider';

const spec = deciderSpecification(reminderTemplateDecider);
const texts: ReminderTemplateTexts = {
  fr: { subject: 'Pièces manquantes', body: 'Bonjour {{contact.firstName}}, merci.' },
};
const created: ReminderTemplateEvent = {
  type: 'ReminderTemplateCreated',
  data: { templateId: 'r1', name: 'Relance', texts },
};
const deleted: ReminderTemplateEvent = { type: 'ReminderTemplateDeleted', data: { templateId: 'r1' } };

describe('Reminder template decider', () => {
  it('names its stream', () => expect(reminderTemplateStreamId('r1')).toBe('reminder-template-r1'));

  it('creates a template, takes the same creation again as a retry, refuses another one', () => {
    spec
      .given([])
      .when({ type: 'CreateReminderTemplate', templateId: 'r1', name: 'Relance', texts })
      .then([created]);
    spec
      .given([created])
      .when({ type: 'CreateReminderTemplate', templateId: 'r1', name: 'Relance', texts: { ...texts } })
      .then([]);
    spec
      .given([created])
      .when({ type: 'CreateReminderTemplate', templateId: 'r1', name: 'Autre', texts })
      .thenThrows(RuleViolationError, 'REMINDER_TEMPLATE_ALREADY_EXISTS');
    spec
      .given([created, deleted])
      .when({ type: 'CreateReminderTemplate', templateId: 'r1', name: 'Relance', texts })
      .thenThrows(RuleViolationError, 'REMINDER_TEMPLATE_ALREADY_EXISTS');
  });

  it('replaces the whole template, and appends nothing when nothing changes', () => {
    const next: ReminderTemplateTexts = {
      en: { subject: 'Missing documents', body: 'Hello {{client.name}}' },
    };
    spec
      .given([created])
      .when({ type: 'ReplaceReminderTemplate', templateId: 'r1', name: 'Relance 2', texts: next })
      .then([
        { type: 'ReminderTemplateReplaced', data: { templateId: 'r1', name: 'Relance 2', texts: next } },
      ]);
    spec
      .given([created])
      .when({ type: 'ReplaceReminderTemplate', templateId: 'r1', name: 'Relance', texts })
      .then([]);
  });

  it('deletes a template', () =>
    spec.given([created]).when({ type: 'DeleteReminderTemplate', templateId: 'r1' }).then([deleted]));

  it.each([
    ['absent', []],
    ['deleted', [created, deleted]],
  ])('answers not found to a replace or delete of an %s template', (_, given) => {
    spec
      .given(given as ReminderTemplateEvent[])
      .when({ type: 'ReplaceReminderTemplate', templateId: 'r1', name: 'x', texts })
      .thenThrows(NotFoundError, 'REMINDER_TEMPLATE_NOT_FOUND');
    spec
      .given(given as ReminderTemplateEvent[])
      .when({ type: 'DeleteReminderTemplate', templateId: 'r1' })
      .thenThrows(NotFoundError, 'REMINDER_TEMPLATE_NOT_FOUND');
  });
});

describe('a reminder template as sent (the checks its writer runs)', () => {
  const check = (body: { name: unknown; texts: unknown }) =>
    checkAll({ name: checkTemplateName(body.name, 'name'), texts: checkReminderTexts(body.texts, 'texts') });

  it('names the field and the placeholder of an unknown or malformed placeholder', () =>
    expect(
      check({
        name: 'Relance',
        texts: {
          fr: { subject: 'Dossier {{client.nom}}', body: 'Bonjour {{contact.firstName}' },
          en: { subject: 'Hello', body: 'Due {{ dueDate }} for {{attributes.}}' },
        },
      }).errors,
    ).toEqual([
      { field: 'texts.fr.subject', message: expect.stringContaining('unknown placeholder "{{client.nom}}"') },
      {
        field: 'texts.fr.body',
        message: expect.stringContaining('"{{" without "}}" in "{{contact.firstName}"'),
      },
      { field: 'texts.en.body', message: expect.stringContaining('unknown placeholder "{{attributes.}}"') },
    ]));

  it('names a missing name, a missing fr or en text and an unknown language together', () =>
    expect(check({ name: ' ', texts: { de: texts.fr, pt: texts.fr } }).errors).toEqual([
      { field: 'name', message: 'must be 1-200 characters' },
      { field: 'texts.pt', message: expect.stringContaining('is not a language') },
      { field: 'texts', message: 'needs a text in fr or en' },
    ]));

  it('passes a template whose placeholders are all known', () =>
    expect(check({ name: 'Relance', texts }).value).toEqual({ name: 'Relance', texts }));
});
