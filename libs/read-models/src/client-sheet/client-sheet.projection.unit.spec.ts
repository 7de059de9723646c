import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import { evolveClientList } from '../client-list/client-list.projection';
import type { ClientListDoc } from '../client-list/client-list.document';
import { evolveClientSheet } from './client-sheet.projection';
import type { ClientSheetDoc } from './client-sheet.document';

const clientId = 'c1';
let revision = 0;
const recorded = (event: ClientEvent): RecordedEvent =>
  ({
    ...event,
    id: `e${revision}`,
    schemaVersion: 1,
    streamId: `client-${clientId}`,
    revision: revision,
    position: ++revision,
    metadata: {
      tenant: 't',
      actor: 'a',
      correlationId: 'x',
      causationId: null,
      occurredAt: `2026-01-0${revision}T00:00:00Z`,
    },
  }) as unknown as RecordedEvent;

const story: ClientEvent[] = [
  { type: 'ClientCreated', data: { clientId, name: 'Acme', groupId: null, attributes: {} } },
  { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } },
  { type: 'ContactAttached', data: { clientId, contactId: 'p2', language: 'en' } },
  { type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k1', access: 'none', previousAccess: null },
  },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k2', access: 'read', previousAccess: null },
  },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k2', access: 'full', previousAccess: 'read' },
  },
  {
    type: 'TreeTemplateApplied',
    data: {
      clientId,
      templateId: 't',
      templateName: 'T',
      folders: [
        { folderId: 'f1', parentId: null, name: 'Compta', contactDefault: 'read' },
        { folderId: 'f2', parentId: 'f1', name: 'Factures', contactDefault: 'full' },
      ],
    },
  },
  { type: 'ContactDetached', data: { clientId, contactId: 'p2' } },
  {
    type: 'ConnectorConfigured',
    data: {
      clientId,
      connectorId: 'acd',
      settings: { login: 'x' },
      secrets: { password: { keyId: 'k', iv: 'i', tag: 't', data: 'd' } },
    },
  },
];

describe('client-sheet and client-list read models', () => {
  beforeEach(() => (revision = 0));

  it('keeps every tab of the sheet, secrets by name only', () => {
    const doc = story.map(recorded).reduce<ClientSheetDoc | null>(evolveClientSheet, null)!;
    expect(doc.contacts).toEqual([
      {
        contactId: 'p1',
        language: 'fr',
        attachedAt: expect.any(String),
        lastInvitedAt: '2026-01-04T00:00:00Z',
      },
    ]);
    expect(doc.collaborators.map((c) => [c.collaboratorId, c.access])).toEqual([
      ['k1', 'none'],
      ['k2', 'full'],
    ]);
    expect(doc.connectors).toEqual([
      {
        connectorId: 'acd',
        settings: { login: 'x' },
        secretsSet: ['password'],
        configuredAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(doc)).not.toContain('"d"');
    expect(doc.revision).toBe(story.length - 1);
  });

  it('counts members (contacts + collaborators not none) and directories in the list row, and follows the revision', () => {
    const row = story.map(recorded).reduce<ClientListDoc | null>(evolveClientList, null)!;
    expect(row.membersCount).toBe(2); // p1, k2
    expect(row.directoriesCount).toBe(2);
    expect(row.revision).toBe(story.length - 1);
  });

  it('drops the sheet with the client', () => {
    const events = [...story, { type: 'ClientDeleted', data: { clientId } } as ClientEvent].map(recorded);
    expect(events.reduce<ClientSheetDoc | null>(evolveClientSheet, null)).toBeNull();
  });
});
