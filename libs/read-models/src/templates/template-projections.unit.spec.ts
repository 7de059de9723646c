import type { AnyDomainEvent, RecordedEvent } from '@dossiers/events';
import { evolveFormTemplateList } from './form-template-list.projection';
import { evolveSheetTemplateList, sheetTemplateListProjection } from './sheet-template-list.projection';
import { evolveTreeTemplateList } from './tree-template-list.projection';
import { TEMPLATE_PROJECTIONS } from './template-projections';

let position = 0;
/** A stored event: `revision` is its own stream's revision, `at` the minute it happened. */
function recorded(event: AnyDomainEvent, revision: number, at = 0): RecordedEvent {
  position += 1;
  return {
    ...(event as unknown as RecordedEvent),
    id: `e${position}`,
    schemaVersion: 1,
    streamId: 'a-stream',
    revision,
    position,
    metadata: {
      tenant: 'firm-a',
      actor: 'admin-1',
      correlationId: 'c',
      causationId: null,
      occurredAt: minute(at),
    },
  };
}
const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();
const fold = <D>(evolve: (doc: D | null, e: RecordedEvent) => D | null, events: RecordedEvent[]) =>
  events.reduce<D | null>((doc, event) => evolve(doc, event), null);

describe('sheet-template-list projection', () => {
  const fields = [{ key: 'siren', label: 'SIREN', type: 'text' as const, required: true }];
  const created = recorded(
    { type: 'SheetTemplateCreated', data: { templateId: 's1', name: 'École', fields } },
    0,
    1,
  );

  it('keeps a document per template, sortable by name', () =>
    expect(fold(evolveSheetTemplateList, [created])).toEqual({
      _id: 's1',
      tenant: 'firm-a',
      name: 'École',
      nameSort: 'ecole',
      fields,
      createdAt: minute(1),
      updatedAt: minute(1),
      revision: 0,
    }));

  it('replaces name and fields, keeping the creation date', () => {
    const next = [
      { key: 'tva', label: 'TVA', type: 'select' as const, options: ['oui', 'non'], required: false },
    ];
    const replaced = recorded(
      { type: 'SheetTemplateReplaced', data: { templateId: 's1', name: 'Société', fields: next } },
      1,
      5,
    );
    expect(fold(evolveSheetTemplateList, [created, replaced])).toMatchObject({
      name: 'Société',
      nameSort: 'societe',
      fields: next,
      createdAt: minute(1),
      updatedAt: minute(5),
      revision: 1,
    });
  });

  it('forgets a deleted template', () =>
    expect(
      fold(evolveSheetTemplateList, [
        created,
        recorded({ type: 'SheetTemplateDeleted', data: { templateId: 's1' } }, 1),
      ]),
    ).toBeNull());

  it('finds the document from the template id', () =>
    expect(sheetTemplateListProjection.documentId(created)).toBe('s1'));
});

describe('tree-template-list projection', () => {
  const folders = [
    { path: 'Compta', contactDefault: 'none' as const },
    { path: 'Compta/Factures', contactDefault: 'read' as const },
  ];
  const created = recorded(
    { type: 'TreeTemplateCreated', data: { templateId: 't1', name: 'Standard', folders } },
    0,
  );

  it('counts the folders for the list', () =>
    expect(fold(evolveTreeTemplateList, [created])).toMatchObject({ folders, foldersCount: 2, revision: 0 }));

  it('replaces the folders and their count, and forgets a deleted template', () => {
    const replaced = recorded(
      {
        type: 'TreeTemplateReplaced',
        data: { templateId: 't1', name: 'Standard', folders: folders.slice(0, 1) },
      },
      1,
    );
    expect(fold(evolveTreeTemplateList, [created, replaced])).toMatchObject({ foldersCount: 1, revision: 1 });
    const deleted = recorded({ type: 'TreeTemplateDeleted', data: { templateId: 't1' } }, 2);
    expect(fold(evolveTreeTemplateList, [created, replaced, deleted])).toBeNull();
  });
});

describe('form-template-list projection', () => {
  it('keeps the sections', () => {
    const sections = [
      { title: 'Activité', questions: [{ key: 'ca', label: 'CA', type: 'number' as const, required: true }] },
    ];
    expect(
      fold(evolveFormTemplateList, [
        recorded({ type: 'FormTemplateCreated', data: { templateId: 'f1', name: 'Bilan', sections } }, 0),
      ]),
    ).toMatchObject({ _id: 'f1', name: 'Bilan', nameSort: 'bilan', sections, revision: 0 });
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
