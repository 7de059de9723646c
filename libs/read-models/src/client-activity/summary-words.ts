import type { ActivityEntry, ActivitySummary } from './activity.document';

/** The pieces the sentences are made of, with a neutral wording for whatever is unknown. */
export class Words {
  constructor(
    readonly entry: ActivityEntry,
    readonly subject: string | null,
  ) {}

  text(key: string): string | null {
    const value = this.entry.details[key];
    return typeof value === 'string' && value !== '' ? value : null;
  }

  count(key: string): number {
    const value = this.entry.details[key];
    return typeof value === 'number' ? value : 0;
  }

  /** `du fichier x` / `of the file x` */
  get file() {
    const name = this.entry.fileName;
    return name
      ? { fr: `du fichier ${name}`, en: `of the file ${name}` }
      : { fr: "d'un fichier", en: 'of a file' };
  }

  /** `du dossier A/B` / `of the folder A/B`, for `path` (default: the entry's) */
  folder(path = this.entry.folderPath) {
    return path
      ? { fr: `du dossier ${path}`, en: `of the folder ${path}` }
      : { fr: "d'un dossier", en: 'of a folder' };
  }

  /** `du contact X` / `of the contact X` (`collaborateur` / `collaborator` alike) */
  person(fr: string, en: string) {
    return of(fr, en, this.subject);
  }

  path(path: string | null, fr = 'un dossier inconnu', en = 'an unknown folder') {
    return { fr: path ?? fr, en: path ?? en };
  }
}

export const LANGUAGES: Record<string, ActivitySummary> = {
  fr: { fr: 'français', en: 'French' },
  en: { fr: 'anglais', en: 'English' },
  de: { fr: 'allemand', en: 'German' },
  es: { fr: 'espagnol', en: 'Spanish' },
  it: { fr: 'italien', en: 'Italian' },
  nl: { fr: 'néerlandais', en: 'Dutch' },
};
export const RIGHTS: Record<string, ActivitySummary> = {
  none: { fr: 'aucun', en: 'none' },
  read: { fr: 'lecture', en: 'read' },
  full: { fr: 'complet', en: 'full' },
  inherit: { fr: 'hérité', en: 'inherited' },
};
export const named = (table: Record<string, ActivitySummary>, code: string | null): ActivitySummary =>
  (code && table[code]) || { fr: code ?? 'inconnu', en: code ?? 'unknown' };
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** `du rappel X` / `of the reminder X`, `d'un rappel` / `of a reminder` without a name (masculine nouns) */
export const of = (fr: string, en: string, name: string | null): ActivitySummary =>
  name ? { fr: `du ${fr} ${name}`, en: `of the ${en} ${name}` } : { fr: `d'un ${fr}`, en: `of a ${en}` };
/** ' name', or '' when there is none */
export const spaced = (text: string | null) => (text ? ` ${text}` : '');

/** `Renommage du dossier A en B` / `Renaming of the folder A to B`, whatever of A and B is known. */
export function renaming(
  what: ActivitySummary & { unknown?: ActivitySummary },
  was: string | null,
  now: string | null,
  after = '',
): ActivitySummary {
  const [fr, en] = was
    ? [`${what.fr} ${was}`, `${what.en} ${was}`]
    : [what.unknown?.fr ?? what.fr, what.unknown?.en ?? what.en];
  return {
    fr: `Renommage ${fr}${now ? ` en ${now}` : ''}${after}`,
    en: `Renaming ${en}${now ? ` to ${now}` : ''}${after}`,
  };
}
