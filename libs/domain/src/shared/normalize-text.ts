/**
 * The one normalisation behind search, sort and uniqueness keys: accents stripped (NFD, combining
 * marks removed), lower case, whitespace collapsed. "  Société  Générale" -> "societe generale".
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
