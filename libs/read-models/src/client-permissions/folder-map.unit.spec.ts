import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  changedFolderIds,
  folderCount,
  folderIn,
  forEachFolder,
  NO_FOLDERS,
  withFolders,
  withoutFolders,
  type FolderMap,
} from './folder-map';
import type { ModelFolder } from './permission-model';

const folder = (id: string, rights = ''): ModelFolder => ({
  id,
  parentId: null,
  name: `n-${id}`,
  contactDefault: null,
  rights,
});
const sameRights = (a: ModelFolder, b: ModelFolder) => a.rights === b.rights;
const byId = (a: ModelFolder, b: ModelFolder) => (a.id < b.id ? -1 : 1);
const all = (folders: FolderMap) => {
  const seen: ModelFolder[] = [];
  forEachFolder(folders, (f) => seen.push(f));
  return seen.sort(byId);
};

/** Enough folders for every bucket to hold several. */
const ids = Array.from({ length: 600 }, () => randomUUID());
const full = withFolders(
  NO_FOLDERS,
  ids.map((id) => folder(id)),
);

describe('FolderMap', () => {
  it('finds each folder it holds, and nothing else', () => {
    expect(folderCount(full)).toBe(ids.length);
    for (const id of ids) expect(folderIn(full, id)).toEqual(folder(id));
    expect(folderIn(full, randomUUID())).toBeUndefined();
    expect(folderIn(NO_FOLDERS, ids[0])).toBeUndefined();
  });

  it('sets a folder in a new map: the old one unchanged, every other bucket shared', () => {
    const next = withFolders(full, [folder(ids[7], 'r')]);

    expect(folderIn(next, ids[7])?.rights).toBe('r');
    expect(folderIn(full, ids[7])?.rights).toBe('');
    expect(folderCount(next)).toBe(ids.length);
    const copied = Object.keys(full).flatMap((g) =>
      Object.keys(full[g]).filter((b) => next[g][b] !== full[g][b]),
    );
    expect(copied).toHaveLength(1);
    expect(withFolders(full, [])).toBe(full);
  });

  it('removes folders, leaving no empty bucket behind, and is the same map when it holds none of them', () => {
    const one = withFolders(NO_FOLDERS, [folder('a')]);
    expect(withoutFolders(one, ['a'])).toEqual(NO_FOLDERS);
    const fewer = withoutFolders(full, ids.slice(0, 300));
    expect(all(fewer)).toEqual(
      ids
        .slice(300)
        .map((id) => folder(id))
        .sort(byId),
    );
    expect(folderIn(full, ids[0])).toBeDefined();
    expect(withoutFolders(full, [randomUUID()])).toBe(full);
  });

  it('names the folders added, changed and deleted between two maps', () => {
    const next = withoutFolders(withFolders(full, [folder(ids[1], 'f'), folder('new'), folder(ids[2])]), [
      ids[3],
    ]);
    // ids[2] replaced by an equal folder: not a change.
    expect(changedFolderIds(full, next, sameRights).sort()).toEqual([ids[1], ids[3], 'new'].sort());
    expect(changedFolderIds(full, full, () => false)).toEqual([]);
  });

  it('holds what a plain map holds, after any sets and deletes', () => {
    const pool = ids.slice(0, 40);
    const operation = fc.record({
      id: fc.constantFrom(...pool),
      remove: fc.boolean(),
      rights: fc.constantFrom('', 'r', 'fn'),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        let map = NO_FOLDERS;
        const expected = new Map<string, ModelFolder>();
        for (const { id, remove, rights } of operations) {
          const before = map;
          if (remove) {
            map = withoutFolders(map, [id]);
            expected.delete(id);
          } else {
            map = withFolders(map, [folder(id, rights)]);
            expected.set(id, folder(id, rights));
          }
          // What changed is exactly this id, when it did change.
          expect(changedFolderIds(before, map, sameRights)).toEqual(
            folderIn(before, id)?.rights === folderIn(map, id)?.rights ? [] : [id],
          );
        }
        expect(all(map)).toEqual([...expected.values()].sort(byId));
        expect(folderCount(map)).toBe(expected.size);
      }),
    );
  });
});
