import { ValidationError } from '../shared/domain-errors';

export const FILE_NAME_MAX_LENGTH = 200;

// C0 and C1 controls, and the bidirectional formatting characters: U+202E (right-to-left
// override) makes "invoice‮fdp.exe" display as "invoiceexe.pdf", so a name must not hold them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what a name must not hold
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Whether a name holds control or text-direction characters (file and folder names refuse both). */
export function hasForbiddenNameCharacters(name: string): boolean {
  return FORBIDDEN.test(name);
}

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
  if (/\p{Cs}/u.test(raw)) throw refuse('must be valid unicode'); // a lone surrogate
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) throw refuse('must not be empty');
  if ([...name].length > FILE_NAME_MAX_LENGTH)
    throw refuse(`must be at most ${FILE_NAME_MAX_LENGTH} characters`);
  if (/[/\\]/.test(name)) throw refuse("must be a bare file name, without '/' or '\\'");
  if (name === '.' || name === '..') throw refuse("must not be '.' or '..'");
  if (hasForbiddenNameCharacters(name)) throw refuse('must not contain control or text-direction characters');
  return name;
}

/** The file's format as its lower-case extension without the dot ('' if none): 'Bilan.PDF' -> 'pdf'. */
export function fileFormat(name: string): string {
  const dot = name.lastIndexOf('.');
  // '.bashrc' is a name without an extension, like 'Makefile'; 'archive.' has none either.
  if (dot <= 0 || dot === name.length - 1) return '';
  return name.slice(dot + 1).toLowerCase();
}
