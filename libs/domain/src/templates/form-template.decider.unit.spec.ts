import type { FormSection } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { RuleViolationError } from '../shared/domain-errors';
import { formTemplateDecider, formTemplateStreamId } from './form-template.decider';
import { checkFormSections } from './form-sections';

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
      data: { templateId: 'f1', name: 'Bilan', sections },
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
