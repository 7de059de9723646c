import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { collaboratorDirectoryProjection, type CollaboratorDoc } from './collaborator-directory.projection';

const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();

describe('collaborator-directory projection', () => {
  const spec = projectionSpecification(collaboratorDirectoryProjection);
  const registered: SpecEvent = {
    type: 'CollaboratorRegistered',
    data: { collaboratorId: 'k1', firstName: 'Éloïse', lastName: 'Martin', email: 'eloise@cabinet.fr' },
    metadata: { occurredAt: minute(0) },
  };

  it('lists a registered collaborator, searchable without accents', () =>
    spec
      .given([])
      .when(registered)
      .then([
        {
          _id: 'k1',
          tenant: 'firm-a',
          firstName: 'Éloïse',
          lastName: 'Martin',
          email: 'eloise@cabinet.fr',
          nameSort: 'martin\u0001eloise',
          searchText: 'eloise martin eloise@cabinet.fr',
          createdAt: minute(0),
          updatedAt: minute(0),
          revision: 0,
        } satisfies CollaboratorDoc,
      ]));

  it('takes every detail from a change, keeping when it was created', () =>
    spec
      .given([registered])
      .when({
        type: 'CollaboratorDetailsChanged',
        data: { collaboratorId: 'k1', firstName: 'Éloïse', lastName: 'Roy', email: 'e.roy@cabinet.fr' },
        metadata: { occurredAt: minute(5) },
      })
      .thenMatches([
        {
          lastName: 'Roy',
          email: 'e.roy@cabinet.fr',
          nameSort: 'roy\u0001eloise',
          searchText: 'eloise roy e.roy@cabinet.fr',
          createdAt: minute(0),
          updatedAt: minute(5),
          revision: 1,
        },
      ]));
});
