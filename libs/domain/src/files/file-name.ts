import { invalid, valid, type Checked } from '../shared/checked';
import { humanTextProblem } from '../shared/normalize-text';

export const FILE_NAME_MAX_LENGTH = 200;

/**
 * The name a file is stored and offered for download under, from the name a client sent (the
 * multipart filename, or a rename). NFC, trimmed, at most 200 characters, any letters in any
 * script. Refused, naming `field`: empty, '.', '..', control or bidi formatting characters, and
 * any '/' or '\'.
 *
 * Path separators are refused rather than stripped: browsers send the bare name of the file
 * (the HTML form submission algorithm never includes a path), so a separator means a hand-made
 * request, and keeping the last segment of '../../etc/passwd' would silently accept an attempt
 * as 'passwd'. The name never reaches a file system path anyway (blobs are stored by id); this
 * keeps it safe for whoever saves the download.
 */
export function checkFileName(raw: unknown, field = 'file.name'): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const problem = humanTextProblem(raw);
  if (problem) return invalid(field, problem);
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return invalid(field, 'must not be empty');
  if ([...name].length > FILE_NAME_MAX_LENGTH)
    return invalid(field, `must be at most ${FILE_NAME_MAX_LENGTH} characters`);
  if (/[/\\]/.test(name)) return invalid(field, "must be a bare file name, without '/' or '\\'");
  if (name === '.' || name === '..') return invalid(field, "must not be '.' or '..'");
  return valid(name);
}

/** The file's format as its lower-case extension without the dot ('' if none): 'Bilan.PDF' -> 'pdf'. */
export function fileFormat(name: string): string {
  const dot = name.lastIndexOf('.');
  // '.bashrc' is a name without an extension, like 'Makefile'; 'archive.' has none either.
  if (dot <= 0 || dot === name.length - 1) return '';
  return name.slice(dot + 1).toLowerCase();
}
