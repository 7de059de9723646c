import { addFolders, folderPaths, forgetMember, setRight, type FolderTree } from './folder-tree';

const tree: FolderTree = addFolders({}, [
  { folderId: 'c', parentId: 'b', name: '2024', contactDefault: null },
  { folderId: 'a', parentId: null, name: 'Comptabilité', contactDefault: null },
  { folderId: 'b', parentId: 'a', name: 'Factures', contactDefault: null },
  { folderId: 'j', parentId: null, name: 'Juridique', contactDefault: null },
]);

describe('the folder tree', () => {
  it("gives every folder's path from the root, names as written, whatever the order folders come in", () =>
    expect(Object.fromEntries(folderPaths(tree))).toEqual({
      a: 'Comptabilité',
      b: 'Comptabilité/Factures',
      c: 'Comptabilité/Factures/2024',
      j: 'Juridique',
    }));

  it('forgets a member who leaves on every folder, and changes no other right', () => {
    const withRights = setRight(
      setRight(setRight(tree, 'a', 'p1', 'full'), 'c', 'p1', 'none'),
      'c',
      'p2',
      'read',
    );
    const after = forgetMember(withRights, 'p1');
    expect(after.a.rights).toEqual({});
    expect(after.c.rights).toEqual({ p2: 'read' });
    expect(withRights.c.rights).toEqual({ p1: 'none', p2: 'read' });
  });
});
