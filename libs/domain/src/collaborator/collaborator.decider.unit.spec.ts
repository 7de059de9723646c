import type { CollaboratorEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../shared/domain-errors';
import {
  collaboratorDecider,
  collaboratorStreamId,
  type ChangeCollaboratorDetails,
  type RegisterCollaborator,
} from './collaborator.decider';
import { checkCollaboratorChanges, checkCollaboratorDetails } from './collaborator-values';

const spec = deciderSpecification(collaboratorDecider);
const details = { firstName: 'Marc', lastName: 'Leroy', email: 'marc@cabinet.fr' };
const registered: CollaboratorEvent = {
  type: 'CollaboratorRegistered',
  data: { collaboratorId: 'k1', ...details },
};

const register = (extra: Partial<RegisterCollaborator> = {}): RegisterCollaborator => ({
  type: 'RegisterCollaborator',
  collaboratorId: 'k1',
  details,
  actorRole: 'admin',
  ...extra,
});
const change = (
  changes: ChangeCollaboratorDetails['changes'],
  actorRole: ChangeCollaboratorDetails['actorRole'] = 'admin',
): ChangeCollaboratorDetails => ({
  type: 'ChangeCollaboratorDetails',
  collaboratorId: 'k1',
  changes,
  actorRole,
});

describe('Collaborator decider', () => {
  it('names its stream', () => expect(collaboratorStreamId('k1')).toBe('collaborator-k1'));

  it('registers a collaborator', () => spec.given([]).when(register()).then([registered]));

  it('lets a service register a collaborator too', () =>
    spec
      .given([])
      .when(register({ actorRole: 'service' }))
      .then([registered]));

  it('refuses a registration by a collaborator (its whole record is identity), even a retry', () => {
    spec
      .given([])
      .when(register({ actorRole: 'collaborator' }))
      .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN');
    spec
      .given([registered])
      .when(register({ actorRole: 'collaborator' }))
      .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN');
  });

  it('treats a registration with the same details as a retry', () =>
    spec.given([registered]).when(register()).then([]));

  it('refuses another registration under the same id', () =>
    spec
      .given([registered])
      .when(register({ details: { ...details, lastName: 'Roy' } }))
      .thenThrows(RuleViolationError, 'COLLABORATOR_ALREADY_EXISTS'));

  it('records every detail as it now is when one changes', () =>
    spec
      .given([registered])
      .when(change({ email: 'm.leroy@cabinet.fr' }, 'service'))
      .then([
        {
          type: 'CollaboratorDetailsChanged',
          data: { collaboratorId: 'k1', ...details, email: 'm.leroy@cabinet.fr' },
        },
      ]));

  it('appends nothing when nothing changes', () =>
    spec
      .given([registered])
      .when(change({ firstName: 'Marc' }))
      .then([]));

  it.each<[string, ChangeCollaboratorDetails['changes']]>([
    ['the email', { email: 'me@attacker.example' }],
    ['a name', { lastName: 'Roy' }],
    ['nothing', {}],
  ])('refuses a change of %s by a collaborator, whether or not the collaborator exists', (_, changes) => {
    spec
      .given([registered])
      .when(change(changes, 'collaborator'))
      .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN');
    spec
      .given([])
      .when(change(changes, 'collaborator'))
      .thenThrows(ForbiddenError, 'IDENTITY_CHANGE_FORBIDDEN');
  });

  it('does not find a collaborator that does not exist', () =>
    spec
      .given([])
      .when(change({ firstName: 'Ann' }))
      .thenThrows(NotFoundError, 'COLLABORATOR_NOT_FOUND'));

  it('checks details, collecting every bad field', () => {
    expect(
      checkCollaboratorDetails({ firstName: ' Marc ', lastName: 'Leroy', email: 'MARC@cabinet.fr' }, ''),
    ).toEqual({ value: details, errors: [] });
    expect(checkCollaboratorDetails({ email: 'x' }, 'collaborator').errors.map((e) => e.field)).toEqual([
      'collaborator.firstName',
      'collaborator.lastName',
      'collaborator.email',
    ]);
    expect(checkCollaboratorChanges({ lastName: ' Roy ' }, '')).toEqual({
      value: { lastName: 'Roy' },
      errors: [],
    });
  });
});
