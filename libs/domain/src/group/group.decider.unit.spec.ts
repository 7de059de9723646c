import { deciderSpecification } from '../testing/decider-specification';
import { RuleViolationError } from '../shared/domain-errors';
import { groupDecider } from './group.decider';

const spec = deciderSpecification(groupDecider);

describe('Group decider', () => {
  it('creates a group', () =>
    spec
      .given([])
      .when({ type: 'CreateGroup', groupId: 'g1', name: 'BNC' })
      .then([{ type: 'GroupCreated', data: { groupId: 'g1', name: 'BNC' } }]));

  it('refuses to create it twice', () =>
    spec
      .given([{ type: 'GroupCreated', data: { groupId: 'g1', name: 'BNC' } }])
      .when({ type: 'CreateGroup', groupId: 'g1', name: 'BNC' })
      .thenThrows(RuleViolationError, 'GROUP_ALREADY_EXISTS'));
});
