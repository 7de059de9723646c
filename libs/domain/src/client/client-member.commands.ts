import type { Access, ClientEvent, Language } from '@dossiers/events';
import type { Actor } from '../shared/actor';
import { NotFoundError } from '../shared/domain-errors';
import { assertFullEverywhere, folderRightOf, memberOf } from './client-access';
import { activeOrNotFound, type ActiveClient, type ClientState } from './client.state';

/** Commands on a client's members: the contacts attached to it, the collaborators assigned to it. */

/** The contact was looked up in the directory by the caller. */
export type AttachContact = {
  type: 'AttachContact';
  clientId: string;
  contactId: string;
  language: Language;
  sendActivationEmail: boolean;
  /** who attaches it: a collaborator cannot open to it a folder closed to themselves */
  actor?: Actor;
};
export type DetachContact = { type: 'DetachContact'; clientId: string; contactId: string };
export type AssignCollaborator = {
  type: 'AssignCollaborator';
  clientId: string;
  collaboratorId: string;
  access: Access;
  /** who assigns: a collaborator only while every folder is theirs with full (assertFullEverywhere) */
  actor?: Actor;
};
export type ClientMemberCommand = AttachContact | DetachContact | AssignCollaborator;

/**
 * Attaching a contact already attached changes nothing but the language of this client's emails
 * to them, if another is given; asking for an activation email sends a new one (a lost or expired
 * invitation is re-sent this way).
 */
function attachContact(command: AttachContact, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  const { clientId, contactId, language } = command;
  const events: ClientEvent[] = [];
  if (!Object.hasOwn(client.contacts, contactId)) {
    events.push({ type: 'ContactAttached', data: { clientId, contactId, language } });
    events.push(...closedToActor(client, clientId, contactId, command.actor));
  } else if (client.contacts[contactId] !== language)
    events.push({ type: 'ContactLanguageChanged', data: { clientId, contactId, language } });
  if (command.sendActivationEmail)
    events.push({ type: 'ContactInvited', data: { clientId, contactId, language } });
  return events;
}

/**
 * A contact a collaborator attaches gets no right on the folders closed to that collaborator (an
 * explicit none where it has no right of its own): a folder's default for contacts would otherwise
 * let the collaborator read it through a contact they control.
 */
function closedToActor(
  client: ActiveClient,
  clientId: string,
  contactId: string,
  actor: Actor | undefined,
): ClientEvent[] {
  if (!actor || memberOf(client, actor)?.kind !== 'collaborator') return [];
  return Object.entries(client.folders)
    .filter(
      ([folderId, folder]) =>
        !Object.hasOwn(folder.rights, contactId) && folderRightOf(client, folderId, actor) === 'none',
    )
    .map(([folderId]) => ({
      type: 'FolderPermissionSet',
      data: { clientId, folderId, principalId: contactId, right: 'none' },
    }));
}

function detachContact(command: DetachContact, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (!Object.hasOwn(client.contacts, command.contactId))
    throw new NotFoundError('contact', command.contactId);
  return [{ type: 'ContactDetached', data: { clientId: command.clientId, contactId: command.contactId } }];
}

function assignCollaborator(command: AssignCollaborator, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (command.actor) assertFullEverywhere(client, command.actor);
  const { clientId, collaboratorId, access } = command;
  const previousAccess = Object.hasOwn(client.collaborators, collaboratorId)
    ? client.collaborators[collaboratorId]
    : null;
  if (previousAccess === access) return [];
  return [{ type: 'CollaboratorAccessSet', data: { clientId, collaboratorId, access, previousAccess } }];
}

export function decideClientMember(command: ClientMemberCommand, state: ClientState): ClientEvent[] {
  switch (command.type) {
    case 'AttachContact':
      return attachContact(command, state);
    case 'DetachContact':
      return detachContact(command, state);
    case 'AssignCollaborator':
      return assignCollaborator(command, state);
  }
}
