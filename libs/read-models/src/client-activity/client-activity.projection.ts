import type { DerivedDocument, Recorded } from '../projection/projection';
import { defineProjection } from '../projection/projection';
import {
  ACTIVITIES_COLLECTION,
  ACTIVITY_CAP,
  CLIENT_ACTIVITY_COLLECTION,
  type ActivityDoc,
  type ClientActivityDoc,
} from './activity.document';
import { contextChange, withContext } from './activity-context';
import { ACTIVITY_EVENTS, type ActivityEvent, type RecordedActivityEvent } from './activity-events';
import { activityLogDoc } from './activity-log';
import { appendCapped } from './chunked';
import { describeActivity } from './describe-activity';

/**
 * The log document of the entry a state of a client's document was made with: a property of that
 * state in memory only (a symbol, not enumerable), so that the log derives it while the document
 * stored holds only its position. A document read back from the store has none: its entry is
 * logged already.
 */
const LOGGED = Symbol('logged entry');
type MadeDoc = ClientActivityDoc & { [LOGGED]?: ActivityDoc };

/**
 * One entry per event, described with the client's context as it was then (activity-context.ts
 * keeps it), its position appended to the client's last ACTIVITY_CAP. A deleted client's document
 * stays (`deleted: true`) with its history. Events of a client never created find no document and
 * are left out, like an activation through a link that names no client.
 */
function evolveClientActivity(
  doc: ClientActivityDoc | null,
  event: RecordedActivityEvent,
): ClientActivityDoc | null {
  const before = event.type === 'ClientCreated' ? created(event) : doc;
  if (!before) return null;
  const positions = appendCapped(before.positions, [event.position], ACTIVITY_CAP);
  const after: MadeDoc = withContext(before, contextChange(before, event), positions);
  const description = describeActivity(before, after, event);
  Object.defineProperty(after, LOGGED, { value: activityLogDoc(after, event, description) });
  return after;
}

/** A new client, as it is before its first event is described. */
function created({ data, metadata }: Recorded<Extract<ActivityEvent, { type: 'ClientCreated' }>>) {
  return {
    _id: data.clientId,
    tenant: metadata.tenant,
    name: data.name,
    groupId: data.groupId,
    folders: {},
    files: {},
    connectors: {},
    contacts: {},
    forms: {},
    reminders: {},
    deleted: false,
    positions: [],
  } satisfies ClientActivityDoc;
}

/** The entry a state was made with, for the log; none for a document read back from the store. */
function logged(doc: MadeDoc): DerivedDocument[] {
  const made = doc[LOGGED];
  return made ? [{ collection: ACTIVITIES_COLLECTION, doc: made }] : [];
}

/**
 * The activity log: every entry ever made, in ACTIVITIES_COLLECTION, derived and retained (each
 * state of a client's document derives the one entry it was made with; an entry evicted from the
 * cap stays there, which only a rebuild clears and writes again), and each client's context and
 * cap in CLIENT_ACTIVITY_COLLECTION.
 */
export const clientActivityProjection = defineProjection<ClientActivityDoc, ActivityEvent>({
  name: 'client-activity',
  collection: CLIENT_ACTIVITY_COLLECTION,
  indexes: [],
  canHandle: ACTIVITY_EVENTS,
  creates: ['ClientCreated'],
  // An activation names the client whose invitation was used, or none (a link minted before it did).
  documentId: (event) => event.data.clientId ?? null,
  evolve: evolveClientActivity,
  derived: {
    collections: [
      {
        name: ACTIVITIES_COLLECTION,
        retain: true,
        indexes: [
          {
            name: 'tenant_position',
            fields: [
              ['tenant', 1],
              ['position', -1],
            ],
          },
          {
            name: 'client_position',
            fields: [
              ['tenant', 1],
              ['clientId', 1],
              ['position', -1],
            ],
          },
          {
            name: 'type_position',
            fields: [
              ['tenant', 1],
              ['type', 1],
              ['position', -1],
            ],
          },
          {
            name: 'actor_position',
            fields: [
              ['tenant', 1],
              ['actorId', 1],
              ['position', -1],
            ],
          },
        ],
      },
    ],
    derive: logged,
    // Nothing of `before` to compare with: its entry is in the (retained) log already.
    deriveChanged: (_before, after) => ({ before: [], after: logged(after) }),
  },
});
