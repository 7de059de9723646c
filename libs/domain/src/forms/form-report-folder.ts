import type { ClientFolder } from '@dossiers/events';
import { foldersToAdd } from '../folders/template-folders';
import { folderPaths, type FolderTree } from '../folders/folder-tree';
import { folderPathKey, splitFolderPath } from '../folders/folder-name';

/**
 * Files cannot live at a client's root: a form template without a target folder files its reports
 * in this folder at the root (created if missing).
 */
export const DEFAULT_FORM_REPORT_FOLDER = 'Formulaires';

/** The path the report goes to, and each of its prefixes ('Social', 'Social/Questionnaires'), parents first. */
export function reportFolderPaths(targetFolderPath: string | null): string[] {
  const segments = (targetFolderPath ?? DEFAULT_FORM_REPORT_FOLDER).split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

const keyOf = (path: string) => folderPathKey(splitFolderPath(path));

/**
 * The folders the tree lacks on the way to the report's folder (parents first, names matched per
 * level as tree templates match them), and the id of that folder. `newFolderIds`: an id per path;
 * `contactDefault`: the new folders' (the firm's policy for new folders).
 */
export function reportFolder(
  tree: FolderTree,
  targetFolderPath: string | null,
  newFolderIds: Readonly<Record<string, string>>,
  contactDefault: ClientFolder['contactDefault'],
): { folderId: string; created: ClientFolder[] } {
  const paths = reportFolderPaths(targetFolderPath);
  const created = foldersToAdd(
    tree,
    paths.map((path) => ({ path, contactDefault: 'none' as const })),
    newFolderIds,
  ).map((folder) => ({ ...folder, contactDefault }));
  // When the target folder exists so do its parents, and nothing is created: otherwise it is the last one created.
  const last = created.at(-1);
  if (last) return { folderId: last.folderId, created };
  const target = keyOf(paths[paths.length - 1]);
  const existing = [...folderPaths(tree)].find(([, path]) => keyOf(path) === target);
  return { folderId: existing![0], created };
}
