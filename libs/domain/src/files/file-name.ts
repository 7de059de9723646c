import { ValidationError } from '../shared/domain-errors';
import { humanTextProblem } from '../shared/normalize-text';

export const FILE_NAME_MAX_LENGTH = 200;

/**
 * The name a file is stored and offered for download under, from the name a client sent (the
 * multipart filename, or a rename). NFC, trimmed, at most 200 characters, any letters in any
 * script. Refused with a ValidationError naming `field`: empty, '.', '..', control or bidi
 * formatting characters, and any '/' or '\'.
 *
 * Path separators are refused rather than stripped: browsers send the bare name of the file
 * (the HTML form submission algorithm never includes a path), so a separator means a hand-made
 * request, and keeping the last segment of '../../etc/passwd' would silently accept an attempt
 * as 'passwd'. The name never reaches a file system path anyway (blobs are stored by id); this
 * keeps it safe for whoever saves the download.
 */
export function sanitizeFileName(raw: unknown, field = 'file.name'): string {
  const refuse = (message: string) => new ValidationError([{ field, message }]);
  if (typeof raw !== 'string') throw refuse('must be a string');
  const problem = humanTextProblem(raw);
  if (problem) throw refuse(problem);
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) throw refuse('must not be empty');
  if ([...name].length > FILE_NAME_MAX_LENGTH)
    throw refuse(`must be at most ${FILE_NAME_MAX_LENGTH} characters`);
  if (/[/\\]/.test(name)) throw refuse("must be a bare file name, without '/' or '\\'");
  if (name === '.' || name === '..') throw refuse("must not be '.' or '..'");
  return name;
}

/** The file's format as its lower-case extension without the dot ('' if none): 'Bilan.PDF' -> 'pdf'. */
export function fileFormat(name: string): string {
  const dot = name.lastIndexOf('.');
  // '.bashrc' is a name without an extension, like 'Makefile'; 'archive.' has none either.
  if (dot <= 0 || dot === name.length - 1) return '';
  return name.slice(dot + 1).toLowerCase();
}
