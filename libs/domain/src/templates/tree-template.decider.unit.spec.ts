import type { TreeTemplateEvent, TreeTemplateFolder } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { treeTemplateDecider, treeTemplateStreamId } from './tree-template.decider';

const spec = deciderSpecification(treeTemplateDecider);
const folders: TreeTemplateFolder[] = [
  { path: 'Compta', contactDefault: 'none' },
  { path: 'Compta/Factures', contactDefault: 'read' },
];
const created: TreeTemplateEvent = {
  type: 'TreeTemplateCreated',
  data: { templateId: 't1', name: 'Standard', folders },
};
const deleted: TreeTemplateEvent = { type: 'TreeTemplateDeleted', data: { templateId: 't1' } };

describe('Tree template decider', () => {
  it('names its stream', () => expect(treeTemplateStreamId('t1')).toBe('tree-template-t1'));

  it('creates a template', () =>
    spec
      .given([])
      .when({ type: 'CreateTreeTemplate', templateId: 't1', name: 'Standard', folders })
      .then([created]));

  it('takes the same creation again as a retry', () =>
    spec
      .given([created])
      .when({ type: 'CreateTreeTemplate', templateId: 't1', name: 'Standard', folders: [...folders] })
      .then([]));

  it('refuses another creation on the same id', () =>
    spec
      .given([created])
      .when({ type: 'CreateTreeTemplate', templateId: 't1', name: 'Standard', folders: folders.slice(0, 1) })
      .thenThrows(RuleViolationError, 'TREE_TEMPLATE_ALREADY_EXISTS'));

  it('replaces the folders', () => {
    const next: TreeTemplateFolder[] = [{ path: 'Juridique', contactDefault: 'full' }];
    spec
      .given([created])
      .when({ type: 'ReplaceTreeTemplate', templateId: 't1', name: 'Standard', folders: next })
      .then([{ type: 'TreeTemplateReplaced', data: { templateId: 't1', name: 'Standard', folders: next } }]);
  });

  it('appends nothing for a replacement that changes nothing', () =>
    spec
      .given([created])
      .when({ type: 'ReplaceTreeTemplate', templateId: 't1', name: 'Standard', folders })
      .then([]));

  it('deletes, then answers not found', () => {
    spec.given([created]).when({ type: 'DeleteTreeTemplate', templateId: 't1' }).then([deleted]);
    spec
      .given([created, deleted])
      .when({ type: 'DeleteTreeTemplate', templateId: 't1' })
      .thenThrows(NotFoundError);
    spec
      .given([created, deleted])
      .when({ type: 'ReplaceTreeTemplate', templateId: 't1', name: 'Standard', folders })
      .thenThrows(NotFoundError);
  });

  it('answers not found for an absent template', () =>
    spec
      .given([])
      .when({ type: 'ReplaceTreeTemplate', templateId: 't1', name: 'Standard', folders })
      .thenThrows(NotFoundError));
});
