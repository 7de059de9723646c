import { evolveReminder, isDateAttribute, pendingOccurrence, type ClientReminder } from '@dossiers/domain';
import type { Attributes, ClientEvent, ReminderEvent } from '@dossiers/events';
import { defineProjection, idFrom, type Handled, type Recorded } from '../projection/projection';
import {
  CLIENT_REMINDERS_COLLECTION,
  DUE_REMINDERS_COLLECTION,
  dueReminderId,
  type ClientRemindersDoc,
  type DueReminderDoc,
  type ReminderOccurrenceEntry,
  type ReminderView,
} from './client-reminders.document';

export const CLIENT_REMINDER_EVENTS = [
  'ClientCreated',
  'ClientAttributesChanged',
  'ClientDeleted',
  'ReminderScheduled',
  'ReminderRescheduled',
  'ReminderCancelled',
  'ReminderOccurrenceSent',
  'ReminderOccurrenceSkipped',
] as const satisfies readonly ClientEvent['type'][];
type ClientReminderEvent = Handled<ClientEvent, typeof CLIENT_REMINDER_EVENTS>;

/** Status and next occurrence, computed with the domain's own rule from the client's attributes of now. */
function withNext(
  view: Omit<ReminderView, 'status' | 'next'>,
  attributes: Attributes,
  deleted: boolean,
): ReminderView {
  const { model } = view;
  if (model.status === 'cancelled') return { ...view, status: 'cancelled', next: null };
  const next = deleted ? null : pendingOccurrence(model, attributes);
  // A relative schedule whose date is not set yet waits for it: active, nothing due.
  const waiting =
    model.stopped === null &&
    model.schedule.kind === 'relative' &&
    !isDateAttribute(attributes[model.schedule.relativeTo] ?? '');
  return { ...view, status: next || (waiting && !deleted) ? 'active' : 'finished', next };
}

function historyEntry(event: Recorded<ReminderEvent>): ReminderOccurrenceEntry | null {
  if (event.type === 'ReminderOccurrenceSent') {
    const { kind, occurrence, dueAt, sentAt, late, recipients } = event.data;
    const to = recipients.map(({ contactId, language }) => ({ contactId, language }));
    return { kind, occurrence, dueAt, at: sentAt, status: 'sent', late, reason: null, recipients: to };
  }
  if (event.type === 'ReminderOccurrenceSkipped') {
    const { occurrence, dueAt, skippedAt, reason } = event.data;
    return {
      kind: 'scheduled',
      occurrence,
      dueAt,
      at: skippedAt,
      status: 'skipped',
      late: false,
      reason,
      recipients: [],
    };
  }
  return null;
}

function evolveOne(doc: ClientRemindersDoc, event: Recorded<ReminderEvent>): ClientRemindersDoc {
  const { reminderId } = event.data;
  const view = doc.reminders[reminderId];
  const model = evolveReminder(view?.model, event) as ClientReminder | undefined;
  if (!model) return doc;
  const { actor, occurredAt } = event.metadata;
  const entry = historyEntry(event);
  const base = view ?? {
    model,
    history: [],
    scheduledBy: actor,
    scheduledAt: occurredAt,
    updatedAt: occurredAt,
  };
  const changed = {
    ...base,
    model,
    history: entry ? [...base.history, entry] : base.history,
    updatedAt: occurredAt,
  };
  return {
    ...doc,
    reminders: { ...doc.reminders, [reminderId]: withNext(changed, doc.attributes, doc.deleted) },
  };
}

/** Every reminder's next occurrence again: the attributes a relative one follows changed, or the client went. */
function recomputed(doc: ClientRemindersDoc): ClientRemindersDoc {
  const reminders = Object.fromEntries(
    Object.entries(doc.reminders).map(([id, view]) => [id, withNext(view, doc.attributes, doc.deleted)]),
  );
  return { ...doc, reminders };
}

function evolveClientReminders(
  doc: ClientRemindersDoc | null,
  event: Recorded<ClientReminderEvent>,
): ClientRemindersDoc | null {
  if (event.type === 'ClientCreated') {
    const { clientId, attributes } = event.data;
    return {
      _id: clientId,
      tenant: event.metadata.tenant,
      clientId,
      attributes,
      deleted: false,
      reminders: {},
      revision: event.revision,
    };
  }
  if (!doc) return null;
  const next = evolveWithout(doc, event);
  return next === doc ? doc : { ...next, revision: event.revision };
}

function evolveWithout(doc: ClientRemindersDoc, event: Recorded<ClientReminderEvent>): ClientRemindersDoc {
  switch (event.type) {
    case 'ClientAttributesChanged': {
      const attributes = { ...doc.attributes, ...event.data.set };
      for (const key of event.data.removed) delete attributes[key];
      return Object.keys(doc.reminders).length === 0
        ? { ...doc, attributes }
        : recomputed({ ...doc, attributes });
    }
    case 'ClientDeleted':
      return recomputed({ ...doc, deleted: true });
    case 'ClientCreated':
      return doc;
    default:
      return evolveOne(doc, event);
  }
}

/** The due documents of a client: its active reminders with an occurrence to come. */
function dueReminders(doc: ClientRemindersDoc) {
  return Object.values(doc.reminders)
    .filter((view) => view.status === 'active' && view.next !== null)
    .map((view) => {
      const due: DueReminderDoc = {
        _id: dueReminderId(doc.clientId, view.model.reminderId),
        tenant: doc.tenant,
        clientId: doc.clientId,
        reminderId: view.model.reminderId,
        occurrence: view.next!.n,
        dueAt: view.next!.dueAt,
      };
      return { collection: DUE_REMINDERS_COLLECTION, doc: due };
    });
}

/**
 * The "Rappels" tab, one document per client, and derived from it `due_reminders`, the next
 * occurrence of every active reminder by due time: what the schedulers poll. A deleted client's
 * reminders fall due no more (a job already queued records its skip).
 */
export const clientRemindersProjection = defineProjection<ClientRemindersDoc, ClientReminderEvent>({
  name: 'client-reminders',
  collection: CLIENT_REMINDERS_COLLECTION,
  indexes: [],
  canHandle: CLIENT_REMINDER_EVENTS,
  creates: ['ClientCreated'],
  documentId: idFrom('clientId'),
  evolve: evolveClientReminders,
  derived: {
    collections: [
      {
        name: DUE_REMINDERS_COLLECTION,
        indexes: [
          {
            name: 'due',
            fields: [
              ['dueAt', 1],
              ['_id', 1],
            ],
          },
        ],
      },
    ],
    derive: dueReminders,
  },
});
