import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import type { ActorNamesDoc } from '../client-activity/activity.document';
import { actorNameAt, actorNamesProjection } from './actor-names.projection';

const spec = projectionSpecification(actorNamesProjection);

const collaborator = (
  type: 'CollaboratorRegistered' | 'CollaboratorDetailsChanged',
  firstName: string,
  lastName: string,
  email = 'k@firm.fr',
): SpecEvent => ({
  type,
  streamId: 'collaborator-k1',
  data: { collaboratorId: 'k1', firstName, lastName, email },
});
const contact = (
  type: 'ContactCreated' | 'ContactDetailsChanged',
  firstName: string,
  lastName: string,
  phone: string | null = null,
): SpecEvent => ({
  type,
  streamId: 'contact-p1',
  data: { contactId: 'p1', firstName, lastName, email: 'zoe@example.fr', phone, language: 'fr' },
});

describe('actor-names projection', () => {
  it('keeps the names a collaborator and a contact had, from the position of the event that gave each', () =>
    spec
      .given([
        collaborator('CollaboratorRegistered', 'Jean', 'Martin'),
        contact('ContactCreated', 'Zoé', 'Dupré'),
      ])
      .when([
        collaborator('CollaboratorDetailsChanged', 'Jean', 'Martin-Roux'),
        contact('ContactDetailsChanged', 'Zoé', 'Durand'),
      ])
      .then([
        {
          _id: 'k1',
          tenant: 'firm-a',
          kind: 'collaborator',
          names: [
            { from: 1, name: 'Jean Martin' },
            { from: 3, name: 'Jean Martin-Roux' },
          ],
        },
        {
          _id: 'p1',
          tenant: 'firm-a',
          kind: 'contact',
          names: [
            { from: 2, name: 'Zoé Dupré' },
            { from: 4, name: 'Zoé Durand' },
          ],
        },
      ]));

  it('adds nothing when the details change but not the name', () =>
    spec
      .given([contact('ContactCreated', 'Zoé', 'Dupré')])
      .when([
        contact('ContactDetailsChanged', 'Zoé', 'Dupré', '+33 1 23'),
        contact('ContactDetailsChanged', 'Zoé', 'Dupré'),
      ])
      .thenMatches([{ _id: 'p1', names: [{ from: 1, name: 'Zoé Dupré' }] }]));

  it('ignores the other directory events', () =>
    spec
      .given([contact('ContactCreated', 'Zoé', 'Dupré')])
      .when({
        type: 'ContactEmailChangeCancelled',
        streamId: 'contact-p1',
        data: { contactId: 'p1', requestId: 'r' },
      })
      .thenMatches([{ _id: 'p1', names: [{ from: 1, name: 'Zoé Dupré' }] }]));
});

describe('actorNameAt', () => {
  const doc: ActorNamesDoc = {
    _id: 'k1',
    tenant: 'firm-a',
    kind: 'collaborator',
    names: [
      { from: 10, name: 'Jean Martin' },
      { from: 20, name: 'Jean Roux' },
    ],
  };

  it('gives the name a person had at a position: the last one given at or before it', () => {
    expect(actorNameAt(doc, 10)).toBe('Jean Martin');
    expect(actorNameAt(doc, 19)).toBe('Jean Martin');
    expect(actorNameAt(doc, 20)).toBe('Jean Roux');
    expect(actorNameAt(doc, 1_000_000)).toBe('Jean Roux');
  });

  it('gives null before the first name, and for an unknown person', () => {
    expect(actorNameAt(doc, 9)).toBeNull();
    expect(actorNameAt(null, 15)).toBeNull();
  });
});
