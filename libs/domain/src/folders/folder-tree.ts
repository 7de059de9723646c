import type { Access, ClientFolder, FolderRight } from '@dossiers/events';
import { folderNameKey } from './folder-name';

/**
 * A client's folder tree with the rights set on each folder. A plain value: every change returns a
 * new tree and leaves the old one as it was, so folded states can be cached and shared.
 */
export type FolderNode = ClientFolder & {
  /** member id -> the right set for them on this folder; absent: none set (see folder-rights.ts) */
  rights: Readonly<Record<string, FolderRight>>;
};
export type FolderTree = Readonly<Record<string, FolderNode>>;

export const CLIENT_MAX_FOLDERS = 10_000;

export function addFolders(tree: FolderTree, folders: readonly ClientFolder[]): FolderTree {
  const next: Record<string, FolderNode> = { ...tree };
  for (const folder of folders) next[folder.folderId] = { ...folder, rights: {} };
  return next;
}

export function updateFolder(tree: FolderTree, folderId: string, changes: Partial<FolderNode>): FolderTree {
  const node = tree[folderId];
  return node ? { ...tree, [folderId]: { ...node, ...changes } } : tree;
}

export function deleteFolders(tree: FolderTree, folderIds: readonly string[]): FolderTree {
  const next: Record<string, FolderNode> = { ...tree };
  for (const id of folderIds) delete next[id];
  return next;
}

export function setRight(
  tree: FolderTree,
  folderId: string,
  memberId: string,
  right: FolderRight,
): FolderTree {
  const node = tree[folderId];
  if (!node) return tree;
  return { ...tree, [folderId]: { ...node, rights: { ...node.rights, [memberId]: right } } };
}

/** Each of `folderIds` gets `rights` (member id -> access) set. */
export function setRights(
  tree: FolderTree,
  folderIds: readonly string[],
  rights: Readonly<Record<string, Access>>,
): FolderTree {
  const next: Record<string, FolderNode> = { ...tree };
  for (const id of folderIds) {
    const node = next[id];
    if (node) next[id] = { ...node, rights: { ...node.rights, ...rights } };
  }
  return next;
}

// ---- reading the tree --------------------------------------------------------------------

export function childrenByParent(tree: FolderTree): Map<string | null, FolderNode[]> {
  const children = new Map<string | null, FolderNode[]>();
  for (const node of Object.values(tree)) {
    const siblings = children.get(node.parentId);
    if (siblings) siblings.push(node);
    else children.set(node.parentId, [node]);
  }
  return children;
}

/** The folder's ancestors, nearest first. */
export function ancestorsOf(tree: FolderTree, folderId: string): FolderNode[] {
  const ancestors: FolderNode[] = [];
  let parentId = tree[folderId]?.parentId ?? null;
  while (parentId !== null) {
    const parent = tree[parentId];
    if (!parent) break;
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return ancestors;
}

/** Every folder below `folderId` (not itself), parents before children. */
export function descendantsOf(
  tree: FolderTree,
  folderId: string,
  children = childrenByParent(tree),
): FolderNode[] {
  const found: FolderNode[] = [];
  const queue = [...(children.get(folderId) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    found.push(queue[i]);
    queue.push(...(children.get(queue[i].folderId) ?? []));
  }
  return found;
}

/** 0 for a root folder. */
export function depthOf(tree: FolderTree, folderId: string): number {
  return ancestorsOf(tree, folderId).length;
}

/**
 * Every folder's path: the names from the root, each as written, joined by '/'
 * ('Comptabilité/Factures'). Each parent's path is worked out once, however many children it has.
 */
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

/** Levels below the folder, itself included: 1 for a folder without subfolders. */
export function heightOf(tree: FolderTree, folderId: string, children = childrenByParent(tree)): number {
  const below = (children.get(folderId) ?? []).map((child) => heightOf(tree, child.folderId, children));
  return 1 + Math.max(0, ...below);
}

/** The folder under `parentId` whose name equals `name` ignoring case, if any. */
export function siblingNamed(
  tree: FolderTree,
  parentId: string | null,
  name: string,
  except?: string,
): FolderNode | undefined {
  const key = folderNameKey(name);
  return Object.values(tree).find(
    (node) => node.parentId === parentId && node.folderId !== except && folderNameKey(node.name) === key,
  );
}
