import type { CollaboratorEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { NotFoundError, RuleViolationError } from '../shared/domain-errors';
import { collaboratorDecider, collaboratorStreamId } from './collaborator.decider';
import { checkCollaboratorChanges, checkCollaboratorDetails } from './collaborator-values';

const spec = deciderSpecification(collaboratorDecider);
const details = { firstName: 'Marc', lastName: 'Leroy', email: 'marc@cabinet.fr' };
const registered: CollaboratorEvent = {
  type: 'CollaboratorRegistered',
  data: { collaboratorId: 'k1', ...details },
};

describe('Collaborator decider', () => {
  it('names its stream', () => expect(collaboratorStreamId('k1')).toBe('collaborator-k1'));

  it('registers a collaborator', () =>
    spec.given([]).when({ type: 'RegisterCollaborator', collaboratorId: 'k1', details }).then([registered]));

  it('treats a registration with the same details as a retry', () =>
    spec.given([registered]).when({ type: 'RegisterCollaborator', collaboratorId: 'k1', details }).then([]));

  it('refuses another registration under the same id', () =>
    spec
      .given([registered])
      .when({ type: 'RegisterCollaborator', collaboratorId: 'k1', details: { ...details, lastName: 'Roy' } })
      .thenThrows(RuleViolationError, 'COLLABORATOR_ALREADY_EXISTS'));

  it('records every detail as it now is when one changes', () =>
    spec
      .given([registered])
      .when({
        type: 'ChangeCollaboratorDetails',
        collaboratorId: 'k1',
        changes: { email: 'm.leroy@cabinet.fr' },
      })
      .then([
        {
          type: 'CollaboratorDetailsChanged',
          data: { collaboratorId: 'k1', ...details, email: 'm.leroy@cabinet.fr' },
        },
      ]));

  it('appends nothing when nothing changes', () =>
    spec
      .given([registered])
      .when({ type: 'ChangeCollaboratorDetails', collaboratorId: 'k1', changes: { firstName: 'Marc' } })
      .then([]));

  it('does not find a collaborator that does not exist', () =>
    spec
      .given([])
      .when({ type: 'ChangeCollaboratorDetails', collaboratorId: 'k1', changes: { firstName: 'Ann' } })
      .thenThrows(NotFoundError, 'COLLABORATOR_NOT_FOUND'));

  it('checks details, collecting every bad field', () => {
    expect(
      checkCollaboratorDetails({ firstName: ' Marc ', lastName: 'Leroy', email: 'MARC@cabinet.fr' }, ''),
    ).toEqual({ value: details, errors: [] });
    expect(checkCollaboratorDetails({ email: 'x' }, 'staff').errors.map((e) => e.field)).toEqual([
      'staff.firstName',
      'staff.lastName',
      'staff.email',
    ]);
    expect(checkCollaboratorChanges({ lastName: ' Roy ' }, '')).toEqual({
      value: { lastName: 'Roy' },
      errors: [],
    });
  });
});
