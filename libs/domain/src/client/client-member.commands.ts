import type { Access, ClientEvent, Language } from '@dossiers/events';
import { NotFoundError } from '../shared/domain-errors';
import { activeOrNotFound, type ClientState } from './client.state';

/** Commands on a client's members: the contacts attached to it, the collaborators assigned to it. */

/** The contact was looked up in the directory by the caller. */
export type AttachContact = {
  type: 'AttachContact';
  clientId: string;
  contactId: string;
  language: Language;
  sendActivationEmail: boolean;
};
export type DetachContact = { type: 'DetachContact'; clientId: string; contactId: string };
export type AssignCollaborator = {
  type: 'AssignCollaborator';
  clientId: string;
  collaboratorId: string;
  access: Access;
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
  if (!Object.hasOwn(client.contacts, contactId))
    events.push({ type: 'ContactAttached', data: { clientId, contactId, language } });
  else if (client.contacts[contactId] !== language)
    events.push({ type: 'ContactLanguageChanged', data: { clientId, contactId, language } });
  if (command.sendActivationEmail)
    events.push({ type: 'ContactInvited', data: { clientId, contactId, language } });
  return events;
}

function detachContact(command: DetachContact, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
  if (!Object.hasOwn(client.contacts, command.contactId))
    throw new NotFoundError('contact', command.contactId);
  return [{ type: 'ContactDetached', data: { clientId: command.clientId, contactId: command.contactId } }];
}

function assignCollaborator(command: AssignCollaborator, state: ClientState): ClientEvent[] {
  const client = activeOrNotFound(state, command.clientId);
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
