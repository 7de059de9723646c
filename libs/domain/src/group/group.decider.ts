import type { GroupEvent } from '@dossiers/events';
import { assertNever, type Decider } from '../shared/decider';
import { RuleViolationError } from '../shared/domain-errors';

export const groupStreamId = (groupId: string) => `group-${groupId}`;

export type GroupState = { status: 'absent' } | { status: 'active'; name: string };

/** The name arrives checked (checkGroupName). */
export type CreateGroup = { type: 'CreateGroup'; groupId: string; name: string };
export type GroupCommand = CreateGroup;

export function evolveGroup(_state: GroupState, event: GroupEvent): GroupState {
  switch (event.type) {
    case 'GroupCreated':
      return { status: 'active', name: event.data.name };
    default:
      return assertNever(event.type);
  }
}

export function decideGroup(command: GroupCommand, state: GroupState): GroupEvent[] {
  switch (command.type) {
    case 'CreateGroup':
      if (state.status !== 'absent')
        throw new RuleViolationError('GROUP_ALREADY_EXISTS', `Group ${command.groupId} already exists`);
      return [{ type: 'GroupCreated', data: { groupId: command.groupId, name: command.name } }];
    default:
      return assertNever(command.type);
  }
}

export const groupDecider: Decider<GroupState, GroupCommand, GroupEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve: evolveGroup,
  decide: decideGroup,
};
