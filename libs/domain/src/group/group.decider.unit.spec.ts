import { deciderSpecification } from '../testing/decider-specification';
import { RuleViolationError, ValidationError } from '../shared/domain-errors';
import { groupDecider, parseGroupName } from './group.decider';

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

  it('trims names and rejects empty or long ones', () => {
    expect(parseGroupName('  BIC ')).toBe('BIC');
    expect(() => parseGroupName(' ')).toThrow(ValidationError);
    expect(() => parseGroupName('x'.repeat(121))).toThrow(ValidationError);
  });
});
