import { normalizeText } from '@dossiers/domain';

/**
 * The sort key of a person: last name, then first name, normalised. They are joined by U+0001,
 * which sorts before any character a name holds, so that every "Martin" comes before
 * "Martin Dupont" whatever their first names (a space would interleave them).
 */
export function personNameSort(firstName: string, lastName: string): string {
  return `${normalizeText(lastName)}\u0001${normalizeText(firstName)}`;
}

/** What `search` matches: names and email, normalised (case and accents ignored). */
export function personSearchText(firstName: string, lastName: string, email: string): string {
  return normalizeText(`${firstName} ${lastName} ${email}`);
}
