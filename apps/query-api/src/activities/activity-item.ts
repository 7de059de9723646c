import type { ReadStore } from '@dossiers/read-store';
import {
  ACTOR_NAMES_COLLECTION,
  activitySummary,
  actorNameAt,
  type ActivityEntry,
  type ActivitySummary,
  type ActivityType,
  type ActorNamesDoc,
} from '@dossiers/read-models';

export interface ActivityItemView {
  id: string;
  position: number;
  occurredAt: string;
  type: ActivityType;
  actor: { id: string; kind: string; name: string | null };
  fileId: string | null;
  fileName: string | null;
  format: string | null;
  folderId: string | null;
  folderPath: string | null;
  summary: ActivitySummary;
}

/** The person behind an actor id: an activation link acts as `contact:<id>`. */
const personOf = (actorId: string) => actorId.replace(/^contact:/, '');

/** The names a person has had, by id; null when unknown. */
export type PeopleNames = (personId: string) => ActorNamesDoc | null;

/**
 * The names of the people entries mention (actors, subjects), read as they come up and kept:
 * a page reads them once, an export once per person. People of another firm are left out, as if
 * unknown.
 */
export class PeopleDirectory {
  private readonly known = new Map<string, ActorNamesDoc | null>();
  readonly names: PeopleNames = (id) => this.known.get(id) ?? null;

  constructor(
    private readonly readStore: ReadStore,
    private readonly tenant: string,
  ) {}

  async load(entries: ActivityEntry[]): Promise<PeopleNames> {
    const ids = entries.flatMap((e) => [personOf(e.actorId), ...(e.subjectId ? [e.subjectId] : [])]);
    const missing = [...new Set(ids)].filter((id) => !this.known.has(id));
    if (missing.length === 0) return this.names;
    const docs = await this.readStore.collection<ActorNamesDoc>(ACTOR_NAMES_COLLECTION).findByIds(missing);
    for (const id of missing) this.known.set(id, null);
    for (const doc of docs) if (doc.tenant === this.tenant) this.known.set(doc._id, doc);
    return this.names;
  }
}

/** The names of the people a page of entries mentions, in one read. */
export const peopleNames = (readStore: ReadStore, tenant: string, entries: ActivityEntry[]) =>
  new PeopleDirectory(readStore, tenant).load(entries);

/**
 * The actor as it was at the entry: its role when the event kept it (else the directory's kind),
 * its name then; the summary names the subject by the name it had then too.
 */
export function activityItem(entry: ActivityEntry, names: PeopleNames): ActivityItemView {
  const actor = names(personOf(entry.actorId));
  const subjectName = entry.subjectId ? actorNameAt(names(entry.subjectId), entry.position) : null;
  return {
    id: entry.id,
    position: entry.position,
    occurredAt: entry.occurredAt,
    type: entry.type,
    actor: {
      id: entry.actorId,
      kind: entry.actorRole ?? actor?.kind ?? 'unknown',
      name: actorNameAt(actor, entry.position),
    },
    fileId: entry.fileId,
    fileName: entry.fileName,
    format: entry.format,
    folderId: entry.folderId,
    folderPath: entry.folderPath,
    summary: activitySummary(entry, subjectName),
  };
}
