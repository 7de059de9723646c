import type { AnyDomainEvent, RecordedEvent } from '@dossiers/events';
import { evolveCollaboratorDirectory, type CollaboratorDoc } from './collaborator-directory.projection';
import {
  contactDirectoryProjection,
  evolveContactDirectory,
  type ContactDoc,
} from './contact-directory.projection';

let position = 0;
/** A stored event: `revision` is its own stream's revision, `at` the minute it happened. */
function recorded(event: AnyDomainEvent, revision: number, at = 0, tenant = 'firm-a'): RecordedEvent {
  position += 1;
  return {
    ...(event as unknown as RecordedEvent),
    id: `e${position}`,
    schemaVersion: 1,
    streamId: 'a-stream',
    revision,
    position,
    metadata: {
      tenant,
      actor: 'admin-1',
      correlationId: 'c',
      causationId: null,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString(),
    },
  };
}
const minute = (at: number) => new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString();
const fold = <D>(evolve: (doc: D | null, e: RecordedEvent) => D | null, events: RecordedEvent[]) =>
  events.reduce<D | null>((doc, event) => evolve(doc, event), null);

describe('collaborator-directory projection', () => {
  const registered = recorded(
    {
      type: 'CollaboratorRegistered',
      data: { collaboratorId: 'k1', firstName: 'Éloïse', lastName: 'Martin', email: 'eloise@cabinet.fr' },
    },
    0,
  );

  it('lists a registered collaborator, searchable without accents', () => {
    expect(evolveCollaboratorDirectory(null, registered)).toEqual<CollaboratorDoc>({
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
    });
  });

  it('takes every detail from a change, keeping when it was created', () => {
    const changed = recorded(
      {
        type: 'CollaboratorDetailsChanged',
        data: { collaboratorId: 'k1', firstName: 'Éloïse', lastName: 'Roy', email: 'e.roy@cabinet.fr' },
      },
      1,
      5,
    );
    expect(fold(evolveCollaboratorDirectory, [registered, changed])).toMatchObject({
      lastName: 'Roy',
      email: 'e.roy@cabinet.fr',
      nameSort: 'roy\u0001eloise',
      searchText: 'eloise roy e.roy@cabinet.fr',
      createdAt: minute(0),
      updatedAt: minute(5),
      revision: 1,
    });
  });
});

describe('contact-directory projection', () => {
  const created = recorded(
    {
      type: 'ContactCreated',
      data: {
        contactId: 'p1',
        firstName: 'Zoé',
        lastName: 'Dupré',
        email: 'zoe@example.fr',
        phone: null,
        language: 'fr',
      },
    },
    0,
  );
  const attached = (clientId: string, at: number, language: 'fr' | 'en' = 'fr', tenant?: string) =>
    recorded({ type: 'ContactAttached', data: { clientId, contactId: 'p1', language } }, 3, at, tenant);

  it('finds every document by the contact id, client-stream events included', () => {
    expect(contactDirectoryProjection.documentId(created)).toBe('p1');
    expect(contactDirectoryProjection.documentId(attached('cl1', 1))).toBe('p1');
    expect([...contactDirectoryProjection.handles].sort()).toEqual([
      'ContactActivated',
      'ContactAttached',
      'ContactCreated',
      'ContactDetached',
      'ContactDetailsChanged',
      'ContactEmailChangeRequested',
      'ContactEmailChanged',
      'ContactLanguageChanged',
    ]);
  });

  it('lists a created contact, not activated, attached to no client', () => {
    expect(evolveContactDirectory(null, created)).toEqual<ContactDoc>({
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
    });
  });

  it('takes every detail from a change', () => {
    const changed = recorded(
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
      1,
      2,
    );
    expect(fold(evolveContactDirectory, [created, changed])).toMatchObject({
      lastName: 'Marchand',
      email: 'zoe.m@example.fr',
      phone: '+33 6 12 34 56 78',
      language: 'en',
      nameSort: 'marchand\u0001zoe',
      searchText: 'zoe marchand zoe.m@example.fr',
      createdAt: minute(0),
      updatedAt: minute(2),
      revision: 1,
    });
  });

  it('records the activation, never the credential', () => {
    const credential = { keyId: 'k', iv: 'iv', tag: 'tag', data: 'ENCRYPTED-HASH' };
    const activated = recorded(
      { type: 'ContactActivated', data: { contactId: 'p1', invitationId: 'inv1', credential } },
      1,
      7,
    );
    const doc = fold(evolveContactDirectory, [created, activated]);
    expect(doc).toMatchObject({ activated: true, activatedAt: minute(7), revision: 1 });
    expect(JSON.stringify(doc)).not.toContain('ENCRYPTED-HASH');
    expect(doc).not.toHaveProperty('credential');
  });

  it('shows a requested email as pending, the email changing only once it is confirmed', () => {
    const request = (requestId: string, email: string, revision: number, at: number) =>
      recorded(
        {
          type: 'ContactEmailChangeRequested',
          data: {
            contactId: 'p1',
            requestId,
            email,
            previousEmail: 'zoe@example.fr',
            expiresAt: minute(60),
          },
        },
        revision,
        at,
      );
    const requested = fold(evolveContactDirectory, [
      created,
      request('r1', 'first@example.fr', 1, 1),
      request('r2', 'zoe.new@example.fr', 2, 2),
    ]);
    expect(requested).toMatchObject({
      email: 'zoe@example.fr',
      pendingEmail: 'zoe.new@example.fr',
      searchText: 'zoe dupre zoe@example.fr',
      updatedAt: minute(2),
      revision: 2,
    });
    const confirmed = recorded(
      {
        type: 'ContactEmailChanged',
        data: {
          contactId: 'p1',
          requestId: 'r2',
          email: 'zoe.new@example.fr',
          previousEmail: 'zoe@example.fr',
        },
      },
      3,
      4,
    );
    expect(evolveContactDirectory(requested, confirmed)).toMatchObject({
      email: 'zoe.new@example.fr',
      pendingEmail: null,
      searchText: 'zoe dupre zoe.new@example.fr',
      updatedAt: minute(4),
      revision: 3,
    });
  });

  it('adds, updates and removes client links without touching the contact revision', () => {
    const detached = recorded({ type: 'ContactDetached', data: { clientId: 'cl1', contactId: 'p1' } }, 9, 6);
    const steps = [created, attached('cl1', 1), attached('cl2', 2), attached('cl1', 3, 'en')];
    const linked = fold(evolveContactDirectory, steps);
    expect(linked?.clients).toEqual([
      { clientId: 'cl1', language: 'en', attachedAt: minute(1) },
      { clientId: 'cl2', language: 'fr', attachedAt: minute(2) },
    ]);
    expect(linked?.revision).toBe(0);
    const unlinked = evolveContactDirectory(linked, detached);
    expect(unlinked?.clients).toEqual([{ clientId: 'cl2', language: 'fr', attachedAt: minute(2) }]);
    expect(unlinked?.revision).toBe(0);
    // detaching a client it is not attached to changes nothing
    expect(evolveContactDirectory(unlinked, detached)?.clients).toEqual(unlinked?.clients);
  });

  it('ignores links to a contact it does not have, or from another firm', () => {
    expect(evolveContactDirectory(null, attached('cl1', 1))).toBeNull();
    const doc = evolveContactDirectory(null, created);
    expect(evolveContactDirectory(doc, attached('cl9', 1, 'fr', 'firm-b'))?.clients).toEqual([]);
  });
});
