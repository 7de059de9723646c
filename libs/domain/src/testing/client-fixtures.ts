import type { Access, ClientEvent, FolderRight } from '@dossiers/events';
import type { Actor } from '../shared/actor';
import { clientDecider, type ClientCommand } from '../client/client.decider';
import type { ActiveClient } from '../client/client.state';

/**
 * A client for the folder specs: contact p1, and three collaborators whose client access is read
 * (k-read), full (k-full) and none (k-none); each actor below is one of them, or an admin.
 */
export const clientId = 'c1';
export const admin: Actor = { id: 'a', role: 'admin' };
export const reader: Actor = { id: 'k-read', role: 'collaborator' };
export const owner: Actor = { id: 'k-full', role: 'collaborator' };
export const outsider: Actor = { id: 'k-none', role: 'collaborator' };
export const contact: Actor = { id: 'p1', role: 'contact' };

const assigned = (collaboratorId: string, access: Access): ClientEvent => ({
  type: 'CollaboratorAccessSet',
  data: { clientId, collaboratorId, access, previousAccess: null },
});

export const given: ClientEvent[] = [
  { type: 'ClientCreated', data: { clientId, name: 'Acme', groupId: null, attributes: {} } },
  { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } },
  assigned('k-read', 'read'),
  assigned('k-full', 'full'),
  assigned('k-none', 'none'),
];

export const folder = (folderId: string, parentId: string | null, name = folderId): ClientEvent => ({
  type: 'FolderCreated',
  data: { clientId, folderId, parentId, name, contactDefault: null },
});

export const set = (folderId: string, principalId: string, right: FolderRight): ClientEvent => ({
  type: 'FolderPermissionSet',
  data: { clientId, folderId, principalId, right },
});

/** A chain of `depth` folders l0 > l1 > ... */
export const chain = (depth: number) =>
  Array.from({ length: depth }, (_, i) => folder(`l${i}`, i === 0 ? null : `l${i - 1}`));

export const stateOf = (events: ClientEvent[]) =>
  events.reduce(clientDecider.evolve, clientDecider.initialState()) as ActiveClient;

export const decide = (events: ClientEvent[], command: ClientCommand) =>
  clientDecider.decide(command, stateOf(events));
