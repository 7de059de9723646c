import type { ClientFolder, TreeTemplateFolder } from '@dossiers/events';
import { folderNameKey, splitFolderPath } from '../tree/folder-path';
import type { FolderTree } from '../folders/folder-tree';

/** Every folder's path from the root, each name as written: 'Comptabilité/Factures'. */
export function folderPaths(tree: FolderTree): Map<string, string> {
  const paths = new Map<string, string>();
  const pathOf = (folderId: string): string => {
    const known = paths.get(folderId);
    if (known !== undefined) return known;
    const folder = tree[folderId];
    const parent = folder.parentId === null ? undefined : tree[folder.parentId];
    const path = parent ? `${pathOf(parent.folderId)}/${folder.name}` : folder.name;
    paths.set(folderId, path);
    return path;
  };
  Object.keys(tree).forEach(pathOf);
  return paths;
}

const pathKey = (segments: readonly string[]) => segments.map(folderNameKey).join('/');

/**
 * The template's folders the tree lacks, parents first, each under its existing or new parent.
 * Names are matched per level case-insensitively (siblings are unique that way), so applying
 * 'comptabilité/Banque' to a tree holding 'Comptabilité' adds 'Banque' inside the existing folder.
 */
export function foldersToAdd(
  existing: FolderTree,
  template: readonly TreeTemplateFolder[],
  newFolderIds: Readonly<Record<string, string>>,
): ClientFolder[] {
  const idByKey = new Map<string, string>();
  for (const [folderId, path] of folderPaths(existing)) idByKey.set(pathKey(splitFolderPath(path)), folderId);
  const added: ClientFolder[] = [];
  for (const folder of template) {
    const segments = splitFolderPath(folder.path);
    const key = pathKey(segments);
    if (idByKey.has(key)) continue;
    const folderId = newFolderIds[folder.path];
    if (!folderId) throw new Error(`No folder id was given for the template path ${folder.path}`);
    const parentId = segments.length > 1 ? (idByKey.get(pathKey(segments.slice(0, -1))) ?? null) : null;
    if (segments.length > 1 && parentId === null)
      throw new Error(`The template lists ${folder.path} before its parent`);
    added.push({
      folderId,
      parentId,
      name: segments[segments.length - 1],
      contactDefault: folder.contactDefault,
    });
    idByKey.set(key, folderId);
  }
  return added;
}
