import { deriveChangedFolderAccess } from './derive-changed-folder-access';
import { deriveFolderAccess } from './derive-folder-access';
import type { FolderAccessDoc } from './folder-access.document';
import { NO_FOLDERS, withFolders } from './folder-map';
import type { ModelFolder, PermissionModelDoc } from './permission-model';

const folder = (id: string, parentId: string | null, rights = ''): ModelFolder => ({
  id,
  parentId,
  name: `n-${parentId}`,
  contactDefault: null,
  rights,
});

/** root > a > b, root > c, and d on its own: a right set on a reshapes a and b only. */
const before: PermissionModelDoc = {
  _id: 'c1',
  tenant: 't',
  folders: withFolders(NO_FOLDERS, [
    folder('root', null),
    folder('a', 'root'),
    folder('b', 'a'),
    folder('c', 'root'),
    folder('d', null),
    folder('e', 'd'),
  ]),
  principals: {
    p: { kind: 'contact', access: null, slot: 0 },
    k: { kind: 'collaborator', access: 'read', slot: 1 },
  },
  nextSlot: 2,
};
const changing = (...changes: ModelFolder[]): PermissionModelDoc => ({
  ...before,
  folders: withFolders(before.folders, changes),
});
const ids = (docs: Array<{ doc: { _id: string } }> | undefined) => docs?.map((d) => d.doc._id).sort();
const fullOf = (model: PermissionModelDoc, folderIds: string[]) =>
  deriveFolderAccess(model).filter((d) =>
    folderIds.includes((d.doc as { folderId?: string }).folderId ?? ''),
  );

describe('deriveChangedFolderAccess', () => {
  it('derives a folder whose right is set and the folders below it, as deriving everything does', () => {
    const after = changing(folder('a', 'root', 'f'));
    const scoped = deriveChangedFolderAccess(before, after);
    expect(ids(scoped?.after)).toEqual(['c1:a', 'c1:b']);
    expect(scoped?.before).toEqual(fullOf(before, ['a', 'b']));
    expect(scoped?.after).toEqual(fullOf(after, ['a', 'b']));
  });

  it('derives a moved folder with what is below it, in its old place and its new one', () => {
    const after = changing(folder('a', 'e'));
    const scoped = deriveChangedFolderAccess(before, after);
    expect(ids(scoped?.before)).toEqual(['c1:a', 'c1:b']);
    expect(scoped?.after).toEqual(fullOf(after, ['a', 'b']));
    expect((scoped?.after[0].doc as FolderAccessDoc).path).toBe('n-null/n-d/n-e');
  });

  it('derives nothing when no folder changed, and everything (null) when the members did', () => {
    expect(deriveChangedFolderAccess(before, { ...before })).toEqual({ before: [], after: [] });
    const left = { ...before, principals: { p: before.principals.p } };
    expect(deriveChangedFolderAccess(before, left)).toBeNull();
    const access = {
      ...before,
      principals: { ...before.principals, k: { ...before.principals.k, access: 'none' as const } },
    };
    expect(deriveChangedFolderAccess(before, access)).toBeNull();
  });

  it('derives everything (null) when most of the tree changes', () => {
    expect(
      deriveChangedFolderAccess(before, changing(folder('root', null, 'r'), folder('d', null, 'n'))),
    ).toBeNull();
  });
});
