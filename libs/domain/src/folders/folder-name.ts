import { invalid, valid, type Checked } from '../shared/checked';
import { humanTextProblem, normalizeText } from '../shared/normalize-text';

export const FOLDER_MAX_DEPTH = 10;
export const FOLDER_NAME_MAX_LENGTH = 120;

/**
 * A folder's name, which is one segment of a folder path ('Comptabilité/Factures' has two): NFC,
 * trimmed, 1-120 characters, no '/', within the text policy (humanTextProblem), not '.' or '..'.
 */
export function checkFolderSegment(raw: unknown, field: string): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0 || name.length > FOLDER_NAME_MAX_LENGTH)
    return invalid(field, `must be 1-${FOLDER_NAME_MAX_LENGTH} characters`);
  if (name.includes('/')) return invalid(field, "must not contain '/'");
  const problem = humanTextProblem(name);
  if (problem) return invalid(field, problem);
  if (name === '.' || name === '..') return invalid(field, "must not be '.' or '..'");
  return valid(name);
}

/** Sibling folders are unique on the shared name key: "Reçus", "recus" and "Re\u200bçus" are one folder. */
export function folderNameKey(name: string): string {
  return normalizeText(name);
}

/** 'Comptabilité / Factures' -> ['Comptabilité', 'Factures']; empty segments stay (and are refused by checks). */
export function splitFolderPath(path: string): string[] {
  return path.split('/').map((segment) => segment.normalize('NFC').trim());
}

/** The key of a path: its segments' keys, so paths that differ by case or accents are one. */
export const folderPathKey = (segments: readonly string[]): string => segments.map(folderNameKey).join('/');
