import { ACCESS_LEVELS, type Access, type TreeTemplateFolder } from '@dossiers/events';
import type { FieldError } from '../shared/domain-errors';
import { humanTextProblem, normalizeText } from '../shared/normalize-text';
import { checkKnownProperties, isPlainObject } from '../templates/field-values';

export const FOLDER_MAX_DEPTH = 10;
export const FOLDER_NAME_MAX_LENGTH = 120;
export const TREE_MAX_FOLDERS = 5000;

/** Why a folder name is refused (after trimming), or null when it is fine. */
export function checkFolderName(name: unknown): string | null {
  if (typeof name !== 'string') return 'must be a string';
  const trimmed = name.normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > FOLDER_NAME_MAX_LENGTH)
    return `must be 1-${FOLDER_NAME_MAX_LENGTH} characters`;
  if (trimmed.includes('/')) return "must not contain '/'";
  const problem = humanTextProblem(trimmed);
  if (problem) return problem;
  if (trimmed === '.' || trimmed === '..') return "must not be '.' or '..'";
  return null;
}

/** Sibling folders are unique on the shared name key: "Reçus", "recus" and "Re\u200bçus" are one folder. */
export function folderNameKey(name: string): string {
  return normalizeText(name);
}

/** 'Comptabilité / Factures' -> ['Comptabilité', 'Factures']; empty segments stay (and are refused by checks). */
export function splitFolderPath(path: string): string[] {
  return path.split('/').map((segment) => segment.normalize('NFC').trim());
}

interface ParsedFolder {
  index: number;
  segments: string[];
  contactDefault: Access;
}

function parseFolder(raw: unknown, field: string, errors: FieldError[]): ParsedFolder | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {path, contactDefault}' });
    return undefined;
  }
  const before = errors.length;
  checkKnownProperties(raw, ['path', 'contactDefault'], field, errors);
  let segments: string[] = [];
  if (typeof raw.path !== 'string') {
    errors.push({ field: `${field}.path`, message: 'must be a string' });
  } else {
    segments = splitFolderPath(raw.path);
    if (segments.length > FOLDER_MAX_DEPTH)
      errors.push({ field: `${field}.path`, message: `must be at most ${FOLDER_MAX_DEPTH} levels deep` });
    segments.forEach((segment, level) => {
      const problem = checkFolderName(segment);
      if (problem) errors.push({ field: `${field}.path`, message: `folder ${level + 1} ${problem}` });
    });
  }
  const contactDefault = raw.contactDefault ?? 'none';
  if (!ACCESS_LEVELS.includes(contactDefault as Access))
    errors.push({ field: `${field}.contactDefault`, message: `must be one of ${ACCESS_LEVELS.join(', ')}` });
  if (errors.length > before) return undefined;
  return { index: -1, segments, contactDefault: contactDefault as Access };
}

const keyOf = (segments: string[]) => segments.map(folderNameKey).join('/');

/**
 * Checks a tree template's folders and normalises them: segments trimmed, parents implied by a
 * path spelled out (contactDefault 'none'), every path spelled like its parent's, parents first
 * (by depth, then in the order given). Sibling names are unique ignoring case.
 */
export function checkTreeFolders(
  raw: unknown,
  field: string,
): { value?: TreeTemplateFolder[]; errors: FieldError[] } {
  if (!Array.isArray(raw)) return { errors: [{ field, message: 'must be an array' }] };
  if (raw.length > TREE_MAX_FOLDERS)
    return { errors: [{ field, message: `at most ${TREE_MAX_FOLDERS} folders` }] };
  const errors: FieldError[] = [];
  const explicit = new Map<string, ParsedFolder>();
  raw.forEach((item, index) => {
    const folder = parseFolder(item, `${field}.${index}`, errors);
    if (!folder) return;
    folder.index = index;
    const key = keyOf(folder.segments);
    const first = explicit.get(key);
    if (first) {
      errors.push({
        field: `${field}.${index}.path`,
        message: `duplicates ${field}.${first.index}.path (sibling folder names are unique, ignoring case)`,
      });
    } else explicit.set(key, folder);
  });
  if (errors.length) return { errors };

  // A folder named explicitly gives its spelling to the paths under it; an implied parent takes
  // the spelling of the first path that implies it.
  const spelling = new Map<string, string>();
  for (const [key, folder] of explicit) spelling.set(key, folder.segments[folder.segments.length - 1]);
  const ordered: { segments: string[]; contactDefault: Access }[] = [];
  const placed = new Set<string>();
  for (const folder of explicit.values()) {
    for (let depth = 1; depth <= folder.segments.length; depth++) {
      const prefix = folder.segments.slice(0, depth);
      const key = keyOf(prefix);
      if (!spelling.has(key)) spelling.set(key, prefix[depth - 1]);
      if (placed.has(key) || (depth < folder.segments.length && explicit.has(key))) continue;
      placed.add(key);
      ordered.push({ segments: prefix, contactDefault: explicit.get(key)?.contactDefault ?? 'none' });
    }
  }
  if (ordered.length > TREE_MAX_FOLDERS)
    return { errors: [{ field, message: `at most ${TREE_MAX_FOLDERS} folders, implied parents included` }] };

  const value = ordered
    .map((folder, order) => ({ ...folder, order }))
    .sort((a, b) => a.segments.length - b.segments.length || a.order - b.order)
    .map(({ segments, contactDefault }) => ({
      path: segments.map((_, depth) => spelling.get(keyOf(segments.slice(0, depth + 1)))).join('/'),
      contactDefault,
    }));
  return { value, errors };
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
  const byKey = new Map(nodes.map(({ segments, node }) => [keyOf(segments), node]));
  const roots: TreeNode[] = [];
  for (const { segments, node } of nodes) {
    const parent = segments.length > 1 ? byKey.get(keyOf(segments.slice(0, -1))) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
