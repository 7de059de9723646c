import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { formTemplateListProjection } from './form-template-list.projection';
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
  it('keeps the sections', () => {
    const sections = [
      { title: 'Activité', questions: [{ key: 'ca', label: 'CA', type: 'number' as const, required: true }] },
    ];
    projectionSpecification(formTemplateListProjection)
      .given([])
      .when({ type: 'FormTemplateCreated', data: { templateId: 'f1', name: 'Bilan', sections } })
      .thenMatches([{ _id: 'f1', name: 'Bilan', nameSort: 'bilan', sections, revision: 0 }]);
  });
});

describe('TEMPLATE_PROJECTIONS', () => {
  it('writes the three template collections', () =>
    expect(TEMPLATE_PROJECTIONS.map((p) => p.collection)).toEqual([
      'sheet_templates',
      'tree_templates',
      'form_templates',
    ]));
});
