import type { Language } from '@dossiers/events';
import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import { contactDirectoryProjection, type ContactDoc } from './contact-directory.projection';

const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();
const CONTACT_STREAM = 'contact-p1';

/** An event of the contact's own stream, at minute `at` (revisions follow the stream). */
const ofContact = (event: SpecEvent, at = 0): SpecEvent => ({
  ...event,
  streamId: CONTACT_STREAM,
  metadata: { occurredAt: minute(at) },
});

describe('contact-directory projection', () => {
  const spec = projectionSpecification(contactDirectoryProjection);
  const created = ofContact({
    type: 'ContactCreated',
    data: {
      contactId: 'p1',
      firstName: 'Zoé',
      lastName: 'Dupré',
      email: 'zoe@example.fr',
      phone: null,
      language: 'fr',
    },
  });
  /** From client `clientId`'s stream, where it is revision 3. */
  const attached = (
    clientId: string,
    at: number,
    language: Language = 'fr',
    tenant = 'firm-a',
  ): SpecEvent => ({
    type: 'ContactAttached',
    data: { clientId, contactId: 'p1', language },
    streamId: `client-${clientId}`,
    revision: 3,
    metadata: { occurredAt: minute(at), tenant },
  });

  it('handles the contact stream and the client-stream events that link it', () =>
    expect([...contactDirectoryProjection.canHandle].sort()).toEqual([
      'ContactActivated',
      'ContactAttached',
      'ContactCreated',
      'ContactDetached',
      'ContactDetailsChanged',
      'ContactEmailChangeCancelled',
      'ContactEmailChangeRequested',
      'ContactEmailChanged',
      'ContactLanguageChanged',
    ]));

  it('lists a created contact, not activated, attached to no client', () =>
    spec
      .given([])
      .when(created)
      .then([
        {
          _id: 'p1',
          tenant: 'firm-a',
          firstName: 'Zoé',
          lastName: 'Dupré',
          email: 'zoe@example.fr',
          pendingEmail: null,
          phone: null,
          language: 'fr',
          activated: false,
          activatedAt: null,
          nameSort: 'dupre\u0001zoe',
          searchText: 'zoe dupre zoe@example.fr',
          clients: [],
          createdAt: minute(0),
          updatedAt: minute(0),
          revision: 0,
        } satisfies ContactDoc,
      ]));

  it('takes every detail from a change', () =>
    spec
      .given([created])
      .when(
        ofContact(
          {
            type: 'ContactDetailsChanged',
            data: {
              contactId: 'p1',
              firstName: 'Zoé',
              lastName: 'Marchand',
              email: 'zoe.m@example.fr',
              phone: '+33 6 12 34 56 78',
              language: 'en',
            },
          },
          2,
        ),
      )
      .thenMatches([
        {
          lastName: 'Marchand',
          email: 'zoe.m@example.fr',
          phone: '+33 6 12 34 56 78',
          language: 'en',
          nameSort: 'marchand\u0001zoe',
          searchText: 'zoe marchand zoe.m@example.fr',
          createdAt: minute(0),
          updatedAt: minute(2),
          revision: 1,
        },
      ]));

  it('records the activation, never the credential', () => {
    const credential = { keyId: 'k', iv: 'iv', tag: 'tag', data: 'ENCRYPTED-HASH' };
    const activated = spec.given([created]).when(
      ofContact(
        {
          type: 'ContactActivated',
          data: { contactId: 'p1', invitationId: 'inv1', clientId: null, credential },
        },
        7,
      ),
    );
    activated.thenMatches([{ activated: true, activatedAt: minute(7), revision: 1 }]);
    expect(JSON.stringify(activated.documents())).not.toContain('ENCRYPTED-HASH');
    expect(activated.documents()[0]).not.toHaveProperty('credential');
  });

  it('shows a requested email as pending, the email changing only once it is confirmed', () => {
    const request = (requestId: string, email: string, at: number) =>
      ofContact(
        {
          type: 'ContactEmailChangeRequested',
          data: { contactId: 'p1', requestId, email, previousEmail: 'zoe@example.fr', expiresAt: minute(60) },
        },
        at,
      );
    const requested = [created, request('r1', 'first@example.fr', 1), request('r2', 'zoe.new@example.fr', 2)];
    spec
      .given(requested.slice(0, -1))
      .when(requested.slice(-1))
      .thenMatches([
        {
          email: 'zoe@example.fr',
          pendingEmail: 'zoe.new@example.fr',
          searchText: 'zoe dupre zoe@example.fr',
          updatedAt: minute(2),
          revision: 2,
        },
      ]);
    spec
      .given(requested)
      .when(
        ofContact(
          {
            type: 'ContactEmailChanged',
            data: {
              contactId: 'p1',
              requestId: 'r2',
              email: 'zoe.new@example.fr',
              previousEmail: 'zoe@example.fr',
            },
          },
          4,
        ),
      )
      .thenMatches([
        {
          email: 'zoe.new@example.fr',
          pendingEmail: null,
          searchText: 'zoe dupre zoe.new@example.fr',
          updatedAt: minute(4),
          revision: 3,
        },
      ]);
  });

  it('adds, updates and removes client links without touching the contact revision', () => {
    const detached: SpecEvent = {
      type: 'ContactDetached',
      data: { clientId: 'cl1', contactId: 'p1' },
      streamId: 'client-cl1',
      revision: 9,
      metadata: { occurredAt: minute(6) },
    };
    const linked = [created, attached('cl1', 1), attached('cl2', 2), attached('cl1', 3, 'en')];
    spec
      .given([])
      .when(linked)
      .thenMatches([
        {
          clients: [
            { clientId: 'cl1', language: 'en', attachedAt: minute(1) },
            { clientId: 'cl2', language: 'fr', attachedAt: minute(2) },
          ],
          revision: 0,
        },
      ]);
    spec
      .given(linked)
      .when(detached)
      .thenMatches([{ clients: [{ clientId: 'cl2', language: 'fr', attachedAt: minute(2) }], revision: 0 }]);
    // detaching a client it is not attached to changes nothing
    spec
      .given([...linked, detached])
      .when(detached)
      .thenMatches([{ clients: [{ clientId: 'cl2', language: 'fr', attachedAt: minute(2) }], revision: 0 }]);
  });

  it('ignores links to a contact it does not have, or from another firm', () => {
    spec.given([]).when(attached('cl1', 1)).then([]);
    spec
      .given([created])
      .when(attached('cl9', 1, 'fr', 'firm-b'))
      .thenMatches([{ clients: [] }]);
  });
});
