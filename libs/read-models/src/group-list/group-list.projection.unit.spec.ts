import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { groupListProjection } from './group-list.projection';

const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();

const groupCreated = (groupId: string, name: string, at = 0, tenant = 'firm-a'): SpecEvent => ({
  type: 'GroupCreated',
  data: { groupId, name },
  streamId: `group-${groupId}`,
  metadata: { occurredAt: minute(at), tenant },
});

describe('group-list projection', () => {
  const spec = projectionSpecification(groupListProjection);

  it('handles group creations only', () => expect(groupListProjection.canHandle).toEqual(['GroupCreated']));

  it('lists a created group under its id, with its tenant, name, sort key and creation instant', () =>
    spec
      .given([])
      .when(groupCreated('g1', '  Cabinet  Éloïse ', 3))
      .then([
        {
          _id: 'g1',
          tenant: 'firm-a',
          name: '  Cabinet  Éloïse ',
          nameSort: 'cabinet eloise',
          createdAt: minute(3),
        },
      ]));

  it('folds compatibility forms and invisible characters out of the sort key', () =>
    spec
      .given([])
      .when(groupCreated('g1', 'Ｓｏｃｉé\u200bté'))
      .thenMatches([{ _id: 'g1', name: 'Ｓｏｃｉé\u200bté', nameSort: 'societe' }]));

  it('keeps one document per group, each with its own tenant', () =>
    spec
      .given([groupCreated('g2', 'Bêta', 1, 'firm-b')])
      .when([groupCreated('g1', 'Alpha', 2), groupCreated('g3', 'Gamma', 4, 'firm-b')])
      .then([
        { _id: 'g1', tenant: 'firm-a', name: 'Alpha', nameSort: 'alpha', createdAt: minute(2) },
        { _id: 'g2', tenant: 'firm-b', name: 'Bêta', nameSort: 'beta', createdAt: minute(1) },
        { _id: 'g3', tenant: 'firm-b', name: 'Gamma', nameSort: 'gamma', createdAt: minute(4) },
      ]));

  it('ignores the events of other aggregates', () =>
    spec
      .given([groupCreated('g1', 'Alpha')])
      .when({
        type: 'ClientCreated',
        data: { clientId: 'c1', name: 'Client', groupId: 'g1', attributes: {} },
        streamId: 'client-c1',
      })
      .then([{ _id: 'g1', tenant: 'firm-a', name: 'Alpha', nameSort: 'alpha', createdAt: minute(0) }]));
});
