import type { ClientEvent } from '@dossiers/events';

/**
 * Ten events of one client's stream: two contacts attached (one invited, one detached again), two
 * collaborators (one with access none), a tree of two folders and a connector with a secret.
 */
export const aClientStory = (clientId: string): ClientEvent[] => [
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
