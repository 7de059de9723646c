import { ACCESS_LEVELS, type Access, type ClientFolder, type TreeTemplateFolder } from '@dossiers/events';
import { checkAll, checked, invalid, mapChecked, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { appendBytes, APPEND_BUDGET_BYTES, eventsTooLarge } from '../shared/event-size';
import { checkOneOf, checkOnlyKnown, isPlainObject } from '../templates/field-values';
import { TEMPLATE_NAME_MAX_LENGTH } from '../templates/template-name';
import { checkFolderSegment, FOLDER_MAX_DEPTH, folderPathKey, splitFolderPath } from './folder-name';
import { folderPaths, type FolderTree } from './folder-tree';

/** A tree template's folders, each a path: checked, shown as a tree, applied to a client's tree. */

export const TREE_MAX_FOLDERS = 5000;

interface TemplateFolder {
  segments: string[];
  contactDefault: Access;
}

/** A folder path of a template ('Comptabilité/Factures'): its segments, each a valid folder name, 10 deep at most. */
export function checkTemplatePath(raw: unknown, field: string): Checked<string[]> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const segments = splitFolderPath(raw);
  const errors: FieldError[] = [];
  if (segments.length > FOLDER_MAX_DEPTH)
    errors.push({ field, message: `must be at most ${FOLDER_MAX_DEPTH} levels deep` });
  segments.forEach((segment, level) => {
    for (const error of checkFolderSegment(segment, field).errors)
      errors.push({ field, message: `folder ${level + 1} ${error.message}` });
  });
  return checked(segments, errors);
}

function checkTemplateFolder(raw: unknown, field: string): Checked<TemplateFolder> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {path, contactDefault}');
  const parts = checkAll({
    known: checkOnlyKnown(raw, ['path', 'contactDefault'], field),
    segments: checkTemplatePath(raw.path, `${field}.path`),
    contactDefault: checkOneOf(raw.contactDefault ?? 'none', ACCESS_LEVELS, `${field}.contactDefault`),
  });
  return mapChecked(parts, ({ segments, contactDefault }) => ({ segments, contactDefault }));
}

/** The folders named explicitly, by path key; sibling names are unique ignoring case. */
function checkExplicitFolders(raw: unknown[], field: string): Checked<Map<string, TemplateFolder>> {
  const errors: FieldError[] = [];
  const explicit = new Map<string, TemplateFolder & { index: number }>();
  raw.forEach((item, index) => {
    const folder = checkTemplateFolder(item, `${field}.${index}`);
    errors.push(...folder.errors);
    if (!folder.value) return;
    const key = folderPathKey(folder.value.segments);
    const first = explicit.get(key);
    if (first) {
      errors.push({
        field: `${field}.${index}.path`,
        message: `duplicates ${field}.${first.index}.path (sibling folder names are unique, ignoring case)`,
      });
    } else explicit.set(key, { ...folder.value, index });
  });
  return checked(explicit, errors);
}

/**
 * Checks a tree template's folders and normalises them: segments trimmed, parents implied by a
 * path spelled out (contactDefault 'none'), every path spelled like its parent's, parents first
 * (by depth, then in the order given). Sibling names are unique ignoring case.
 */
export function checkTreeFolders(raw: unknown, field: string): Checked<TreeTemplateFolder[]> {
  if (!Array.isArray(raw)) return invalid(field, 'must be an array');
  if (raw.length > TREE_MAX_FOLDERS) return invalid(field, `at most ${TREE_MAX_FOLDERS} folders`);
  const named = checkExplicitFolders(raw, field);
  if (named.value === undefined) return invalid(named.errors);
  const explicit = named.value;

  // A folder named explicitly gives its spelling to the paths under it; an implied parent takes
  // the spelling of the first path that implies it.
  const spelling = new Map<string, string>();
  for (const [key, folder] of explicit) spelling.set(key, folder.segments[folder.segments.length - 1]);
  const ordered: TemplateFolder[] = [];
  const placed = new Set<string>();
  for (const folder of explicit.values()) {
    for (let depth = 1; depth <= folder.segments.length; depth++) {
      const prefix = folder.segments.slice(0, depth);
      const key = folderPathKey(prefix);
      if (!spelling.has(key)) spelling.set(key, prefix[depth - 1]);
      if (placed.has(key) || (depth < folder.segments.length && explicit.has(key))) continue;
      placed.add(key);
      ordered.push({ segments: prefix, contactDefault: explicit.get(key)?.contactDefault ?? 'none' });
    }
  }
  if (ordered.length > TREE_MAX_FOLDERS)
    return invalid(field, `at most ${TREE_MAX_FOLDERS} folders, implied parents included`);

  const spelled = (segments: string[]) =>
    segments.map((_, depth) => spelling.get(folderPathKey(segments.slice(0, depth + 1)))).join('/');
  const folders = ordered
    .map((folder, order) => ({ ...folder, order }))
    .sort((a, b) => a.segments.length - b.segments.length || a.order - b.order)
    .map(({ segments, contactDefault }) => ({ path: spelled(segments), contactDefault }));
  // Checked now rather than when applied: a template no client could receive is no template.
  const applied = appliedTreeBytes(folders);
  if (applied > APPEND_BUDGET_BYTES)
    return invalid([eventsTooLarge(applied, { field, advice: 'use fewer folders or shorter folder names' })]);
  return valid(folders);
}

/** A stand-in id as long as the real ones (uuids), to weigh folders before they have ids. */
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/**
 * What applying the folders appends to a client that has none, the most a merge can add, under
 * the longest template name.
 */
export function appliedTreeBytes(folders: readonly TreeTemplateFolder[]): number {
  const ids = Object.fromEntries(folders.map((folder) => [folder.path, SAMPLE_ID]));
  const data = {
    clientId: SAMPLE_ID,
    templateId: SAMPLE_ID,
    templateName: '\u20ac'.repeat(TEMPLATE_NAME_MAX_LENGTH),
    folders: foldersToAdd({}, folders, ids),
  };
  return appendBytes([{ type: 'TreeTemplateApplied', data }]);
}

export interface TreeNode {
  name: string;
  path: string;
  contactDefault: Access;
  children: TreeNode[];
}

/** The folders as a tree (the "Voir" preview of a template); a folder whose parent is missing sits at the root. */
export function nestTreeFolders(folders: TreeTemplateFolder[]): TreeNode[] {
  const nodes = folders.map((folder) => {
    const segments = splitFolderPath(folder.path);
    const node: TreeNode = {
      name: segments[segments.length - 1],
      path: folder.path,
      contactDefault: folder.contactDefault,
      children: [],
    };
    return { segments, node };
  });
  const byKey = new Map(nodes.map(({ segments, node }) => [folderPathKey(segments), node]));
  const roots: TreeNode[] = [];
  for (const { segments, node } of nodes) {
    const parent = segments.length > 1 ? byKey.get(folderPathKey(segments.slice(0, -1))) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

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
  for (const [folderId, path] of folderPaths(existing))
    idByKey.set(folderPathKey(splitFolderPath(path)), folderId);
  const added: ClientFolder[] = [];
  for (const folder of template) {
    const segments = splitFolderPath(folder.path);
    const key = folderPathKey(segments);
    if (idByKey.has(key)) continue;
    const folderId = newFolderIds[folder.path];
    if (!folderId) throw new Error(`No folder id was given for the template path ${folder.path}`);
    const parentId = segments.length > 1 ? (idByKey.get(folderPathKey(segments.slice(0, -1))) ?? null) : null;
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
