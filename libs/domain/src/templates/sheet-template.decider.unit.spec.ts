import type { SheetField, SheetTemplateEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { sheetTemplateDecider, sheetTemplateStreamId } from './sheet-template.decider';

const spec = deciderSpecification(sheetTemplateDecider);
const fields: SheetField[] = [{ key: 'siren', label: 'SIREN', type: 'text', required: true }];
const created: SheetTemplateEvent = {
  type: 'SheetTemplateCreated',
  data: { templateId: 't1', name: 'Société', fields },
};
const deleted: SheetTemplateEvent = { type: 'SheetTemplateDeleted', data: { templateId: 't1' } };

describe('Sheet template decider', () => {
  it('names its stream', () => expect(sheetTemplateStreamId('t1')).toBe('sheet-template-t1'));

  it('creates a template', () =>
    spec
      .given([])
      .when({ type: 'CreateSheetTemplate', templateId: 't1', name: 'Société', fields })
      .then([created]));

  it('takes the same creation again as a retry', () =>
    spec
      .given([created])
      .when({ type: 'CreateSheetTemplate', templateId: 't1', name: 'Société', fields: [{ ...fields[0] }] })
      .then([]));

  it('refuses another creation on the same id', () =>
    spec
      .given([created])
      .when({ type: 'CreateSheetTemplate', templateId: 't1', name: 'Autre', fields })
      .thenThrows(RuleViolationError, 'SHEET_TEMPLATE_ALREADY_EXISTS'));

  it('replaces the whole template', () => {
    const newFields: SheetField[] = [
      { key: 'regime', label: 'Régime', type: 'select', options: ['BIC', 'BNC'], required: false },
    ];
    spec
      .given([created])
      .when({ type: 'ReplaceSheetTemplate', templateId: 't1', name: 'Société v2', fields: newFields })
      .then([
        { type: 'SheetTemplateReplaced', data: { templateId: 't1', name: 'Société v2', fields: newFields } },
      ]);
  });

  it('appends nothing for a replacement that changes nothing', () =>
    spec
      .given([created])
      .when({ type: 'ReplaceSheetTemplate', templateId: 't1', name: 'Société', fields })
      .then([]));

  it('deletes a template', () =>
    spec.given([created]).when({ type: 'DeleteSheetTemplate', templateId: 't1' }).then([deleted]));

  it.each([
    ['absent', []],
    ['deleted', [created, deleted]],
  ])('answers not found to a replace or delete of an %s template', (_, given) => {
    spec
      .given(given as SheetTemplateEvent[])
      .when({ type: 'ReplaceSheetTemplate', templateId: 't1', name: 'x', fields })
      .thenThrows(NotFoundError);
    spec
      .given(given as SheetTemplateEvent[])
      .when({ type: 'DeleteSheetTemplate', templateId: 't1' })
      .thenThrows(NotFoundError);
  });

  it('refuses to create again once deleted', () =>
    spec
      .given([created, deleted])
      .when({ type: 'CreateSheetTemplate', templateId: 't1', name: 'Société', fields })
      .thenThrows(RuleViolationError, 'SHEET_TEMPLATE_ALREADY_EXISTS'));
});
