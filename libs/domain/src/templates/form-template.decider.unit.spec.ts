import type { FormSection } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { RuleViolationError } from '../shared/domain-errors';
import { formTemplateDecider, formTemplateStreamId } from './form-template.decider';
import { checkFormSections } from './form-sections';
import { checkFormMessages, checkTargetFolderPath } from './form-delivery';

const spec = deciderSpecification(formTemplateDecider);
const sections: FormSection[] = [
  {
    title: 'Activité',
    questions: [
      { key: 'ca', label: "Chiffre d'affaires", type: 'number', required: true },
      { key: 'tva', label: 'Régime de TVA', type: 'select', options: ['réel', 'franchise'], required: false },
    ],
  },
];

describe('Form template decider', () => {
  it('names its stream', () => expect(formTemplateStreamId('f1')).toBe('form-template-f1'));

  it('creates a template, takes a retry as nothing new, refuses another creation', () => {
    const created = {
      type: 'FormTemplateCreated' as const,
      data: { templateId: 'f1', name: 'Bilan', sections, targetFolderPath: null, messages: {} },
    };
    spec
      .given([])
      .when({ type: 'CreateFormTemplate', templateId: 'f1', name: 'Bilan', sections })
      .then([created]);
    spec
      .given([created])
      .when({ type: 'CreateFormTemplate', templateId: 'f1', name: 'Bilan', sections })
      .then([]);
    spec
      .given([created])
      .when({ type: 'CreateFormTemplate', templateId: 'f1', name: 'Autre', sections })
      .thenThrows(RuleViolationError, 'FORM_TEMPLATE_ALREADY_EXISTS');
  });
});

describe('checkFormSections', () => {
  it('normalises sections and defaults required to false', () =>
    expect(
      checkFormSections(
        [{ title: ' Activité ', questions: [{ key: 'docs', label: 'Pièces', type: 'file' }] }],
        'sections',
      ),
    ).toEqual({
      value: [
        { title: 'Activité', questions: [{ key: 'docs', label: 'Pièces', type: 'file', required: false }] },
      ],
      errors: [],
    }));

  it('refuses no section, more than 50, and sections without questions', () => {
    expect(checkFormSections([], 'sections').errors).toEqual([
      { field: 'sections', message: 'must be a list of 1-50 sections' },
    ]);
    const section = { title: 'S', questions: [{ key: 'q', label: 'Q', type: 'text' }] };
    expect(checkFormSections(Array(51).fill(section), 'sections').errors).toHaveLength(1);
    expect(checkFormSections([{ title: 'S', questions: [] }], 'sections').errors).toEqual([
      { field: 'sections.0.questions', message: 'must be a list of 1-100 questions' },
    ]);
  });

  it('names every bad question, and keys repeated across sections', () => {
    const { value, errors } = checkFormSections(
      [
        { title: '', questions: [{ key: 'a', label: 'A', type: 'yesno' }] },
        {
          title: 'Deux',
          questions: [
            { key: 'a', label: 'Again', type: 'text' },
            { key: 'b', label: 'x'.repeat(501), type: 'checkbox' },
            { key: 'c', label: 'C', type: 'select', options: [] },
            { key: 'd', label: 'D', type: 'longtext', options: ['x'], required: 1 },
          ],
        },
      ],
      'form.sections',
    );
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      { field: 'form.sections.0.title', message: 'must be 1-200 characters' },
      { field: 'form.sections.1.questions.0.key', message: 'duplicates form.sections.0.questions.0.key' },
      { field: 'form.sections.1.questions.1.label', message: 'must be 1-500 characters' },
      {
        field: 'form.sections.1.questions.1.type',
        message: expect.stringContaining('must be one of text'),
      },
      { field: 'form.sections.1.questions.2.options', message: expect.stringContaining('a select needs') },
      { field: 'form.sections.1.questions.3.options', message: 'only a select has options' },
      { field: 'form.sections.1.questions.3.required', message: 'must be a boolean' },
    ]);
  });
});

describe('Form template decider: target folder and messages', () => {
  const create = { type: 'CreateFormTemplate' as const, templateId: 'f1', name: 'Bilan', sections };
  const delivery = {
    targetFolderPath: 'Social/Questionnaires',
    messages: { fr: 'Bonjour {{contact.firstName}}' },
  };

  it('records them, and a root folder and no messages when the command has none', () => {
    spec
      .given([])
      .when({ ...create, ...delivery })
      .then([
        { type: 'FormTemplateCreated', data: { templateId: 'f1', name: 'Bilan', sections, ...delivery } },
      ]);
    spec
      .given([])
      .when(create)
      .then([
        {
          type: 'FormTemplateCreated',
          data: { templateId: 'f1', name: 'Bilan', sections, targetFolderPath: null, messages: {} },
        },
      ]);
  });

  it('takes a retry as nothing new only when the folder and messages are the same too', () => {
    const created = {
      type: 'FormTemplateCreated' as const,
      data: { templateId: 'f1', name: 'Bilan', sections, ...delivery },
    };
    spec
      .given([created])
      .when({ ...create, ...delivery })
      .then([]);
    spec
      .given([created])
      .when({ ...create, ...delivery, targetFolderPath: 'Social' })
      .thenThrows(RuleViolationError, 'FORM_TEMPLATE_ALREADY_EXISTS');
  });
});

describe('checkTargetFolderPath', () => {
  it('trims the segments, and reads absent or null as the root', () => {
    expect(checkTargetFolderPath(' Social / Questionnaires ', 'targetFolderPath').value).toBe(
      'Social/Questionnaires',
    );
    expect(checkTargetFolderPath(undefined, 'targetFolderPath').value).toBeNull();
    expect(checkTargetFolderPath(null, 'targetFolderPath').value).toBeNull();
  });

  it.each([
    ['not a string', 12, 'must be a string'],
    ['empty', '', 'folder 1 must be 1-120 characters'],
    ['an empty segment', 'Social//Paie', 'folder 2 must be 1-120 characters'],
    ['a dot-dot segment', 'Social/..', "folder 2 must not be '.' or '..'"],
    ['11 levels', Array(11).fill('N').join('/'), 'must be at most 10 levels deep'],
  ])('refuses a path %s, naming the field', (_, raw, message) =>
    expect(checkTargetFolderPath(raw, 'targetFolderPath').errors).toContainEqual({
      field: 'targetFolderPath',
      message,
    }),
  );
});

describe('checkFormMessages', () => {
  it('keeps a body per language, normalized, none required', () => {
    expect(checkFormMessages({ de: ' Hallo\r\n{{client.name}} ' }, 'messages').value).toEqual({
      de: 'Hallo\n{{client.name}}',
    });
    expect(checkFormMessages(undefined, 'messages').value).toEqual({});
  });

  it.each([
    ['not an object', ['fr'], 'messages', 'must be an object {<language>: text}'],
    ['an unknown language', { pt: 'Olá' }, 'messages.pt', expect.stringContaining('is not a language')],
    ['an empty text', { fr: ' ' }, 'messages.fr', 'must be 1-10000 characters'],
    [
      'an unknown placeholder',
      { en: 'Hi {{contact.email}}' },
      'messages.en',
      expect.stringContaining('{{contact.email}}'),
    ],
    [
      'a malformed placeholder',
      { en: 'Hi {{ }}' },
      'messages.en',
      expect.stringContaining('empty placeholder'),
    ],
  ])('refuses %s, naming the field', (_, raw, field, message) =>
    expect(checkFormMessages(raw, 'messages').errors).toEqual([{ field, message }]),
  );
});
