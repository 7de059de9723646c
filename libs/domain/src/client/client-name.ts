import { invalid, valid, type Checked } from '../shared/checked';
import { humanTextProblem, normalizeText } from '../shared/normalize-text';

export const CLIENT_NAME_MAX_LENGTH = 200;

/**
 * A client's display name: in composed form (NFC, so "é" counts once however it was typed),
 * trimmed, 1 to 200 characters, with at least one letter or digit in its key (a name of accents
 * or invisible characters alone would have an empty key), within the text policy (humanTextProblem).
 */
export function checkClientName(raw: unknown, field = 'name'): Checked<string> {
  if (typeof raw !== 'string') return invalid(field, 'must be a string');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return invalid(field, 'must not be empty');
  const problem = humanTextProblem(name);
  if (problem) return invalid(field, problem);
  if (!/[\p{L}\p{N}]/u.test(clientNameKey(name)))
    return invalid(field, 'must contain at least one letter or digit');
  if (name.length > CLIENT_NAME_MAX_LENGTH)
    return invalid(field, `must be at most ${CLIENT_NAME_MAX_LENGTH} characters`);
  return valid(name);
}

/** Two names that differ only by case, accents or spacing belong to the same client. */
export function clientNameKey(name: string): string {
  return normalizeText(name);
}
