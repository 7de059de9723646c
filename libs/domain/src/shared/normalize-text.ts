/**
 * The one text policy for every name a person types (clients, groups, folders, files, templates,
 * template labels, people): what is refused outright, and the key two names are compared on.
 */

// C0 and C1 controls, and the bidirectional formatting characters (ALM, LRM/RLM, the embeddings
// and overrides U+202A-U+202E, the isolates U+2066-U+2069): U+202E makes "invoice\u202efdp.exe"
// display as "invoiceexe.pdf", so no name may hold them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what a name must not hold
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Line and paragraph separators (a line break inside a one-line name), the interlinear annotation
 * controls U+FFF9-U+FFFB (which hide the text they annotate), and the noncharacters (U+FFFF,
 * U+FDD0-U+FDEF, …: never text): a name holding one is a near-copy of another name to the eye.
 */
const NOT_IN_A_NAME = /[\u2028\u2029\ufff9-\ufffb]|\p{Noncharacter_Code_Point}/u;
/** With the u flag a well-formed pair is one code point, so this matches only a lone surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Characters that render as nothing: zero-width space and joiners, word joiner, BOM, soft hyphen, … */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** The same set, for a test (a global regex keeps state between tests). */
const INVISIBLE_ONE = /\p{Default_Ignorable_Code_Point}/u;
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * Why a typed name is refused (a message naming no field), or null: lone surrogates, controls,
 * bidi, separators and noncharacters, and a name made only of invisible characters (whose key
 * would be empty).
 */
export function humanTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'must be valid unicode (no unpaired surrogate)';
  if (FORBIDDEN.test(text) || NOT_IN_A_NAME.test(text))
    return 'must not contain control or text-direction characters';
  if (text.trim() !== '' && normalizeText(text) === '') return 'must contain a visible character';
  return null;
}

/**
 * Why an identifier is refused (an email, an attribute key: compared as typed, not on the folded
 * name key): the text policy, and no invisible characters at all, which would make two
 * identifiers that look the same ("siren" and "si\u200bren").
 */
export function identifierProblem(text: string): string | null {
  const problem = humanTextProblem(text);
  if (problem) return problem;
  return INVISIBLE_ONE.test(text) ? 'must not contain invisible characters' : null;
}

/**
 * The form emails are stored and compared in: compatibility forms folded (NFKC: a full-width
 * "ｐ@q.fr" is "p@q.fr"), trimmed, lower case. Uniqueness and links use it.
 */
export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/**
 * The key behind search, sort and uniqueness: compatibility forms folded (NFKC: full-width
 * "Ｓｏｃｉéｔé" and the ligature "ﬁ" read as "Société" and "fi"), invisible characters removed,
 * accents stripped, lower case, whitespace collapsed. "  So\u200bciété  Générale" -> "societe generale".
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(ACCENTS, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
