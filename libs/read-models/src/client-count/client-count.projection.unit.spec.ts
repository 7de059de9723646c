import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { clientCountProjection } from './client-count.projection';

const created = (clientId: string, tenant = 'firm-a'): SpecEvent => ({
  type: 'ClientCreated',
  data: { clientId, name: `Client ${clientId}`, groupId: null, attributes: {} },
  streamId: `client-${clientId}`,
  metadata: { tenant },
});

const deleted = (clientId: string, tenant = 'firm-a'): SpecEvent => ({
  type: 'ClientDeleted',
  data: { clientId },
  streamId: `client-${clientId}`,
  metadata: { tenant },
});

describe('client-count projection', () => {
  const spec = projectionSpecification(clientCountProjection);

  it('handles client creations and deletions only', () =>
    expect([...clientCountProjection.canHandle].sort()).toEqual(['ClientCreated', 'ClientDeleted']));

  it("counts a firm's first client in one document named after the tenant", () =>
    spec
      .given([])
      .when(created('c1'))
      .then([{ _id: 'firm-a', clients: 1 }]));

  it('counts each created client', () =>
    spec
      .given([created('c1'), created('c2')])
      .when(created('c3'))
      .then([{ _id: 'firm-a', clients: 3 }]));

  it('counts a deleted client off', () =>
    spec
      .given([created('c1'), created('c2'), created('c3')])
      .when(deleted('c2'))
      .then([{ _id: 'firm-a', clients: 2 }]));

  it('keeps the document at 0 when every client is deleted', () =>
    spec
      .given([created('c1'), created('c2')])
      .when([deleted('c1'), deleted('c2')])
      .then([{ _id: 'firm-a', clients: 0 }]));

  it('counts each tenant apart', () =>
    spec
      .given([created('c1', 'firm-a'), created('c2', 'firm-b'), created('c3', 'firm-b')])
      .when([deleted('c1', 'firm-a'), created('c4', 'firm-b')])
      .then([
        { _id: 'firm-a', clients: 0 },
        { _id: 'firm-b', clients: 3 },
      ]));

  it('ignores the other client events', () =>
    spec
      .given([created('c1')])
      .when([
        { type: 'ClientRenamed', data: { clientId: 'c1', name: 'Autre' }, streamId: 'client-c1' },
        { type: 'ClientGroupChanged', data: { clientId: 'c1', groupId: 'g1' }, streamId: 'client-c1' },
      ])
      .then([{ _id: 'firm-a', clients: 1 }]));
});
