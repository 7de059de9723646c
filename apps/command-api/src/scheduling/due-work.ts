import type { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@dossiers/application';
import type { ReadCollection, Sort } from '@dossiers/read-store';
import {
  DUE_FORMS_COLLECTION,
  DUE_REMINDERS_COLLECTION,
  type DueFormDoc,
  type DueReminderDoc,
} from '@dossiers/read-models';
import { SendReminderOccurrenceCommand } from '../clients/reminders/send-reminder-occurrence/send-reminder-occurrence.command';
import { SendScheduledFormCommand } from '../forms/send-scheduled-form/send-scheduled-form.command';

/** A document of a due-work collection: something to do at `dueAt` for a firm. */
export interface DueDoc {
  _id: string;
  tenant: string;
  dueAt: string;
  [field: string]: unknown;
}

/**
 * One kind of work the schedulers run when it falls due: the read model they poll (by its `due`
 * index on dueAt), the job id of one piece of it, and the command that does it. Both schedulers,
 * embedded and BullMQ, only go through this list (reminder occurrences, scheduled forms).
 */
export interface DueWorkKind {
  kind: string;
  collection: string;
  /**
   * Derived from what the piece of work is and when it is due (no ':', which BullMQ refuses):
   * enqueuing it again is a no-op, and a due time that moves makes a new job.
   */
  jobId(doc: DueDoc): string;
  command(doc: DueDoc, context: CommandContext): Command<CommandResult>;
  /** rule codes meaning the piece of work is no longer to do as it was read (stale read model) */
  stale: readonly string[];
  /** the rule code meaning it is not due yet (a clock behind the one that read it) */
  notDue: string;
}

const reminders: DueWorkKind = {
  kind: 'reminder',
  collection: DUE_REMINDERS_COLLECTION,
  jobId: (doc) => {
    const { reminderId, occurrence } = doc as DueReminderDoc;
    return `reminder-${reminderId}-${occurrence}-${Date.parse(doc.dueAt)}`;
  },
  command: (doc, context) => {
    const { clientId, reminderId, occurrence } = doc as DueReminderDoc;
    return new SendReminderOccurrenceCommand(clientId, reminderId, occurrence, context);
  },
  stale: ['REMINDER_OCCURRENCE_NOT_PENDING', 'REMINDER_NOT_FOUND', 'CLIENT_NOT_FOUND'],
  notDue: 'REMINDER_OCCURRENCE_NOT_DUE',
};

/** A scheduled form: sent once (the decider answers nothing once it is), so its job id needs no number. */
const forms: DueWorkKind = {
  kind: 'form',
  collection: DUE_FORMS_COLLECTION,
  jobId: (doc) => `form-${(doc as DueFormDoc).formId}-${Date.parse(doc.dueAt)}`,
  command: (doc, context) => {
    const { clientId, formId } = doc as DueFormDoc;
    return new SendScheduledFormCommand(clientId, formId, context);
  },
  stale: ['FORM_NOT_FOUND', 'CLIENT_NOT_FOUND'],
  notDue: 'FORM_NOT_DUE',
};

export const DUE_WORK_KINDS: readonly DueWorkKind[] = [reminders, forms];

/**
 * The documents of a due collection due by `until`, in (dueAt, _id) order, a page at a time,
 * each page starting after the last one's end (keyset, by the `due` index): no OFFSET, whose cost
 * grows with how far it skips, so reading 100,000 due documents stays linear.
 */
export async function* duePages(
  collection: ReadCollection<DueDoc>,
  until: string,
  pageSize: number,
): AsyncGenerator<DueDoc[]> {
  const sort: Sort = [
    ['dueAt', 1],
    ['_id', 1],
  ];
  let last: DueDoc | null = null;
  for (;;) {
    // After `last`: the rest of its instant, then what is due later (the filter language has no $or).
    const sameInstant: DueDoc[] = last
      ? await collection.find({ dueAt: last.dueAt, _id: { $gt: last._id } }, { sort, limit: pageSize })
      : [];
    const later: DueDoc[] =
      sameInstant.length < pageSize
        ? await collection.find(
            { dueAt: last ? { $gt: last.dueAt, $lte: until } : { $lte: until } },
            { sort, limit: pageSize - sameInstant.length },
          )
        : [];
    const page = [...sameInstant, ...later];
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

/** The stream a piece of work writes to: work on one client runs in turn, or it only conflicts. */
const streamOf = (doc: DueDoc): string =>
  `${doc.tenant}/${typeof doc.clientId === 'string' ? doc.clientId : doc._id}`;

/** The documents grouped by the client they write to, each group in the order given. */
export function byClient<D extends DueDoc>(docs: readonly D[]): D[][] {
  const groups = new Map<string, D[]>();
  for (const doc of docs) {
    const key = streamOf(doc);
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  return [...groups.values()];
}

/**
 * The documents reordered so that consecutive ones are on different clients where possible (each
 * client's first, then each one's second, ...): a queue's workers taking jobs in this order rarely
 * write to one client at once (a client's due documents are adjacent in the `due` index).
 */
export function interleavedByClient<D extends DueDoc>(docs: readonly D[]): D[] {
  const groups = byClient(docs);
  const out: D[] = [];
  for (let i = 0; out.length < docs.length; i++)
    for (const group of groups) if (i < group.length) out.push(group[i]);
  return out;
}

export const dueWorkKind = (kind: string): DueWorkKind | undefined =>
  DUE_WORK_KINDS.find((k) => k.kind === kind);
