import { addFolders, folderPaths, type FolderTree } from './folder-tree';

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
});
