import type { AnyDomainEvent } from '@dossiers/events';
import { defineProjection, type Handled, type Recorded } from '../projection/projection';
import { ACTOR_NAMES_COLLECTION, type ActorNamesDoc } from '../client-activity/activity.document';

const ACTOR_NAME_EVENTS = [
  'CollaboratorRegistered',
  'CollaboratorDetailsChanged',
  'ContactCreated',
  'ContactDetailsChanged',
] as const satisfies readonly AnyDomainEvent['type'][];
type ActorNameEvent = Handled<AnyDomainEvent, typeof ACTOR_NAME_EVENTS>;

const displayName = (firstName: string, lastName: string) => `${firstName} ${lastName}`.trim();
const personId = ({ data }: Recorded<ActorNameEvent>) =>
  'collaboratorId' in data ? data.collaboratorId : data.contactId;

/**
 * The names each collaborator and contact has had, from the position of the event that gave each:
 * a details change that keeps the name (a new email, a phone) adds nothing.
 */
function evolveActorNames(doc: ActorNamesDoc | null, event: Recorded<ActorNameEvent>): ActorNamesDoc {
  const name = displayName(event.data.firstName, event.data.lastName);
  if (doc && doc.names.at(-1)?.name === name) return doc;
  const kind = event.type.startsWith('Collaborator') ? 'collaborator' : 'contact';
  return {
    _id: personId(event),
    tenant: doc?.tenant ?? event.metadata.tenant,
    kind,
    names: [...(doc?.names ?? []), { from: event.position, name }],
  };
}

export const actorNamesProjection = defineProjection<ActorNamesDoc, ActorNameEvent>({
  name: 'actor-names',
  collection: ACTOR_NAMES_COLLECTION,
  indexes: [],
  canHandle: ACTOR_NAME_EVENTS,
  creates: ['CollaboratorRegistered', 'ContactCreated'],
  documentId: personId,
  evolve: evolveActorNames,
});

/**
 * The name a person had at `position` (the last one given at or before it); null when the person
 * is unknown or was not named yet.
 */
export function actorNameAt(doc: ActorNamesDoc | null, position: number): string | null {
  if (!doc) return null;
  let found: string | null = null;
  for (const { from, name } of doc.names) {
    if (from > position) break;
    found = name;
  }
  return found;
}
