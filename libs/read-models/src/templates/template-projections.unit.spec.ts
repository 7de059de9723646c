import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { formTemplateListProjection } from './form-template-list.projection';
import { reminderTemplateListProjection } from './reminder-template-list.projection';
import { sheetTemplateListProjection } from './sheet-template-list.projection';
import { TEMPLATE_PROJECTIONS } from './template-projections';
import { treeTemplateListProjection } from './tree-template-list.projection';

const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();
/** `event` at minute `at` of the day */
const at = (minutes: number, event: SpecEvent): SpecEvent => ({
  ...event,
  metadata: { occurredAt: minute(minutes) },
});

describe('sheet-template-list projection', () => {
  const spec = projectionSpecification(sheetTemplateListProjection);
  const fields = [{ key: 'siren', label: 'SIREN', type: 'text' as const, required: true }];
  const created = at(1, { type: 'SheetTemplateCreated', data: { templateId: 's1', name: 'École', fields } });

  it('keeps a document per template, named by the template id, sortable by name', () =>
    spec
      .given([])
      .when(created)
      .then([
        {
          _id: 's1',
          tenant: 'firm-a',
          name: 'École',
          nameSort: 'ecole',
          fields,
          createdAt: minute(1),
          updatedAt: minute(1),
          revision: 0,
        },
      ]));

  it('replaces name and fields, keeping the creation date', () => {
    const next = [
      { key: 'tva', label: 'TVA', type: 'select' as const, options: ['oui', 'non'], required: false },
    ];
    spec
      .given([created])
      .when(
        at(5, { type: 'SheetTemplateReplaced', data: { templateId: 's1', name: 'Société', fields: next } }),
      )
      .thenMatches([
        {
          name: 'Société',
          nameSort: 'societe',
          fields: next,
          createdAt: minute(1),
          updatedAt: minute(5),
          revision: 1,
        },
      ]);
  });

  it('forgets a deleted template', () =>
    spec
      .given([created])
      .when({ type: 'SheetTemplateDeleted', data: { templateId: 's1' } })
      .then([]));
});

describe('tree-template-list projection', () => {
  const spec = projectionSpecification(treeTemplateListProjection);
  const folders = [
    { path: 'Compta', contactDefault: 'none' as const },
    { path: 'Compta/Factures', contactDefault: 'read' as const },
  ];
  const created: SpecEvent = {
    type: 'TreeTemplateCreated',
    data: { templateId: 't1', name: 'Standard', folders },
  };
  const replaced: SpecEvent = {
    type: 'TreeTemplateReplaced',
    data: { templateId: 't1', name: 'Standard', folders: folders.slice(0, 1) },
  };

  it('counts the folders for the list', () =>
    spec
      .given([])
      .when(created)
      .thenMatches([{ folders, foldersCount: 2, revision: 0 }]));

  it('replaces the folders and their count, and forgets a deleted template', () => {
    spec
      .given([created])
      .when(replaced)
      .thenMatches([{ foldersCount: 1, revision: 1 }]);
    spec
      .given([created, replaced])
      .when({ type: 'TreeTemplateDeleted', data: { templateId: 't1' } })
      .then([]);
  });
});

describe('form-template-list projection', () => {
  const sections = [
    { title: 'Activité', questions: [{ key: 'ca', label: 'CA', type: 'number' as const, required: true }] },
  ];
  const spec = projectionSpecification(formTemplateListProjection);

  it('keeps the sections, the target folder and the messages', () =>
    spec
      .given([])
      .when({
        type: 'FormTemplateCreated',
        data: {
          templateId: 'f1',
          name: 'Bilan',
          sections,
          targetFolderPath: 'Social/Questionnaires',
          messages: { fr: 'Bonjour {{contact.firstName}}' },
        },
      })
      .thenMatches([
        {
          _id: 'f1',
          name: 'Bilan',
          nameSort: 'bilan',
          sections,
          targetFolderPath: 'Social/Questionnaires',
          messages: { fr: 'Bonjour {{contact.firstName}}' },
          revision: 0,
        },
      ]));

  it('files the report of a template recorded before target folders (v1) at the root, with no messages', () =>
    spec
      .given([])
      .when({
        type: 'FormTemplateCreated',
        schemaVersion: 1,
        data: { templateId: 'f1', name: 'Bilan', sections } as never,
      })
      .thenMatches([{ _id: 'f1', sections, targetFolderPath: null, messages: {} }]));
});

describe('reminder-template-list projection', () => {
  const spec = projectionSpecification(reminderTemplateListProjection);
  const texts = { fr: { subject: 'Relance', body: 'Bonjour {{contact.firstName}}' } };
  const created = at(1, {
    type: 'ReminderTemplateCreated',
    data: { templateId: 'r1', name: 'Élan', texts },
  });

  it('keeps a document per template with its texts, sortable by name', () =>
    spec
      .given([])
      .when(created)
      .then([
        {
          _id: 'r1',
          tenant: 'firm-a',
          name: 'Élan',
          nameSort: 'elan',
          texts,
          createdAt: minute(1),
          updatedAt: minute(1),
          revision: 0,
        },
      ]));

  it('replaces name and texts, keeping the creation date, and forgets a deleted template', () => {
    const next = { en: { subject: 'Reminder', body: 'Hello {{client.name}}' } };
    const replaced = at(5, {
      type: 'ReminderTemplateReplaced',
      data: { templateId: 'r1', name: 'Relance', texts: next },
    });
    spec
      .given([created])
      .when(replaced)
      .thenMatches([
        {
          name: 'Relance',
          nameSort: 'relance',
          texts: next,
          createdAt: minute(1),
          updatedAt: minute(5),
          revision: 1,
        },
      ]);
    spec
      .given([created, replaced])
      .when({ type: 'ReminderTemplateDeleted', data: { templateId: 'r1' } })
      .then([]);
  });
});

describe('TEMPLATE_PROJECTIONS', () => {
  it('writes the four template collections', () =>
    expect(TEMPLATE_PROJECTIONS.map((p) => p.collection)).toEqual([
      'sheet_templates',
      'tree_templates',
      'form_templates',
      'reminder_templates',
    ]));
});
