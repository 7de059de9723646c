import type { DerivedDocument } from '../projection/projection';
import { childrenOf, deriveFolderAccessOf } from './derive-folder-access';
import { changedFolderIds, folderCount, type FolderMap } from './folder-map';
import type { ModelFolder, ModelPrincipal, PermissionModelDoc } from './permission-model';

/**
 * Of a client's model before and after a batch, the derived documents that can differ, or null
 * when any can (the engine then derives everything).
 *
 * A folder's document depends on the client (id, tenant, principals, slots) and on the folder and
 * its ancestors alone. So with the client unchanged, a document can only differ when its folder
 * or one of its ancestors changed (added, deleted, renamed, moved, rights set) in the tree before
 * or the tree after. Below a changed folder in the tree before is below one in the tree after
 * too: up from a folder to the first changed one, every folder is unchanged, so has the same
 * parent after. Hence the scope: the changed folders (deleted ones too) and all below them after.
 * Memberships depend on the client alone and are left out; any change to it falls back to all.
 */
export function deriveChangedFolderAccess(
  before: PermissionModelDoc,
  after: PermissionModelDoc,
): { before: DerivedDocument[]; after: DerivedDocument[] } | null {
  if (
    before._id !== after._id ||
    before.tenant !== after.tenant ||
    before.nextSlot !== after.nextSlot ||
    !samePrincipals(before.principals, after.principals)
  )
    return null;
  const changed = changedFolderIds(before.folders, after.folders, sameFolder);
  if (changed.length === 0) return { before: [], after: [] };
  const scope = new Set<string>();
  addBelow(after.folders, changed, scope);
  // A cascade over most of the tree: scoping would derive it all anyway.
  if (scope.size * 2 > folderCount(after.folders)) return null;
  return { before: deriveFolderAccessOf(before, scope), after: deriveFolderAccessOf(after, scope) };
}

const sameFolder = (a: ModelFolder, b: ModelFolder) =>
  a === b ||
  (a.parentId === b.parentId &&
    a.name === b.name &&
    a.contactDefault === b.contactDefault &&
    a.rights === b.rights);

function samePrincipals(a: Record<string, ModelPrincipal>, b: Record<string, ModelPrincipal>): boolean {
  if (a === b) return true;
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  return ids.every((id) => {
    const p = a[id];
    const q = b[id];
    return (
      q !== undefined && p.kind === q.kind && p.access === q.access && p.slot === q.slot && p.left === q.left
    );
  });
}

/** Adds to `scope` each changed folder and every folder below it in this tree. */
function addBelow(folders: FolderMap, changed: readonly string[], scope: Set<string>): void {
  const children = childrenOf(folders);
  // Seen once per tree, so a cycle (which no command makes) ends.
  const seen = new Set<string>();
  const pending = [...changed];
  for (let folderId = pending.pop(); folderId !== undefined; folderId = pending.pop()) {
    if (seen.has(folderId)) continue;
    seen.add(folderId);
    scope.add(folderId);
    for (const child of children.get(folderId) ?? []) pending.push(child.id);
  }
}
