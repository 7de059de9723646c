import type { Access } from '@dossiers/events';

/** A folder of the permission model (permission-model.ts). */
export interface ModelFolder {
  id: string;
  parentId: string | null;
  name: string;
  contactDefault: Access | null;
  /** one character per principal slot (see permission-model.ts) */
  rights: string;
}

/**
 * A client's folders in 256 buckets by a hash of their id, two levels of 16: `group -> bucket ->
 * its folders`, only non-empty ones present. `evolve` never changes the document it is given, so
 * every event copies what it touches: with one flat map, a right set on a 300-folder tree copied
 * 300 keys (~25 µs a right replayed by a time-travel fold; at 5,000 folders a millisecond). Here
 * it copies 16 + 16 entries and one bucket (1 or 2 folders at 300 folders, ~20 at 5,000); the new
 * document shares every other bucket with the one before, which tells, unread, that their folders
 * did not change. Two levels allocate a few times less than one level of 128 (less GC on a fold of
 * 20,000 events); buckets are arrays searched by id, not objects keyed by it, whose copies cost
 * several times more. Plain JSON, read and changed only through this module.
 */
export type FolderMap = Readonly<Record<string, FolderGroup>>;
type FolderGroup = Readonly<Record<string, readonly ModelFolder[]>>;
type Writable = Record<string, Record<string, ModelFolder[]>>;

export const NO_FOLDERS: FolderMap = {};

const BITS = 4;
const MASK = (1 << BITS) - 1;

/** The id's group (low bits) and bucket in it (the next ones). */
function placeOf(folderId: string): [group: number, bucket: number] {
  let hash = 0;
  for (let i = 0; i < folderId.length; i++) hash = (Math.imul(hash, 31) + folderId.charCodeAt(i)) | 0;
  return [hash & MASK, (hash >>> BITS) & MASK];
}

function indexIn(bucket: readonly ModelFolder[], folderId: string): number {
  for (let i = 0; i < bucket.length; i++) if (bucket[i].id === folderId) return i;
  return -1;
}

export function folderIn(folders: FolderMap, folderId: string): ModelFolder | undefined {
  const [g, b] = placeOf(folderId);
  const bucket = folders[g]?.[b];
  const at = bucket ? indexIn(bucket, folderId) : -1;
  return at === -1 ? undefined : bucket![at];
}

/** A new map with these folders set (added, or replacing the one of their id); `folders` is left as it is. */
export function withFolders(folders: FolderMap, changes: Iterable<ModelFolder>): FolderMap {
  let next: Writable | null = null;
  for (const folder of changes) {
    next ??= { ...folders } as Writable;
    const [g, b] = placeOf(folder.id);
    // Still what `folders` holds (or nothing): copied once, on its first change.
    const was = folders[g];
    if (next[g] === was) next[g] = { ...was } as Writable[number];
    const group = next[g];
    if (group[b] === was?.[b]) group[b] = was?.[b] ? was[b].slice() : [];
    const bucket = group[b];
    const at = indexIn(bucket, folder.id);
    if (at === -1) bucket.push(folder);
    else bucket[at] = folder;
  }
  return next ?? folders;
}

/** A new map without these folders (the same map when none of them is in it). */
export function withoutFolders(folders: FolderMap, folderIds: Iterable<string>): FolderMap {
  let next: Writable | null = null;
  for (const folderId of folderIds) {
    const [g, b] = placeOf(folderId);
    const bucket = (next ?? folders)[g]?.[b];
    if (!bucket || indexIn(bucket, folderId) === -1) continue;
    next ??= { ...folders } as Writable;
    if (next[g] === folders[g]) next[g] = { ...folders[g] } as Writable[number];
    const group = next[g];
    const kept = bucket.filter((f) => f.id !== folderId);
    if (kept.length > 0) group[b] = kept;
    else delete group[b];
    if (Object.keys(group).length === 0) delete next[g];
  }
  return next ?? folders;
}

/** Calls `visit` with every folder, bucket by bucket (an order of its own, the same for the same map). */
export function forEachFolder(folders: FolderMap, visit: (folder: ModelFolder) => void): void {
  for (const g in folders) {
    const group = folders[g];
    for (const b in group) for (const folder of group[b]) visit(folder);
  }
}

export function folderCount(folders: FolderMap): number {
  let count = 0;
  forEachFolder(folders, () => count++);
  return count;
}

/**
 * The ids of the folders added, deleted or changed (`same` false) from `before` to `after`. A
 * group or bucket the two share is skipped unread: an event copies only what it changes.
 */
export function changedFolderIds(
  before: FolderMap,
  after: FolderMap,
  same: (a: ModelFolder, b: ModelFolder) => boolean,
): string[] {
  const changed: string[] = [];
  const compare = (from: FolderGroup | undefined, to: FolderGroup | undefined, gone: boolean) => {
    for (const b in to) {
      const was = from?.[b];
      const now = to[b];
      if (was === now) continue;
      for (const folder of now) {
        const at = was ? indexIn(was, folder.id) : -1;
        if (gone ? at === -1 : at === -1 || !same(was![at], folder)) changed.push(folder.id);
      }
    }
  };
  for (const g in after) if (before[g] !== after[g]) compare(before[g], after[g], false);
  // Then those only `before` holds: deleted.
  for (const g in before) if (before[g] !== after[g]) compare(after[g], before[g], true);
  return changed;
}
