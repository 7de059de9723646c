import type { Language } from '@dossiers/events';
import { checkAttributeKey, isDateAttribute } from '../client/attributes';
import { checked, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { calendarDateOf } from './local-time';

/**
 * The `{{name}}` placeholders of reminder texts (whitespace inside the braces allowed). A text is
 * checked once, when the firm writes it (checkTemplateText), and rendered per recipient.
 */
export const PLACEHOLDERS = [
  'client.name',
  'contact.firstName',
  'contact.lastName',
  'dueDate',
  'firm.name',
  'attributes.<key>',
] as const;

const ATTRIBUTES = 'attributes.';
const FIXED: readonly string[] = PLACEHOLDERS.filter((name) => !name.startsWith(ATTRIBUTES));
/** Enough problems to fix a text at once without answering with thousands. */
const MAX_PROBLEMS = 20;
const QUOTE_MAX = 40;

export type PlaceholderValues = {
  client: { name: string };
  contact: { firstName: string; lastName: string };
  /** the occurrence's due instant (ISO), rendered as its date in the firm's zone */
  dueDate: string | null;
  firm: { name: string };
  attributes: Record<string, string | number | boolean>;
};

/** How values are written for a recipient: dates in their language, on the firm's calendar. */
export type RenderLocale = { language: Language; timeZone: string };

type Segment = { text: string } | { placeholder: string };
type Parsed = { segments: Segment[]; problems: string[] };

const quote = (source: string) =>
  JSON.stringify(source.length > QUOTE_MAX ? `${source.slice(0, QUOTE_MAX)}…` : source);

/** Why a placeholder's name is refused, or null. */
function nameProblem(name: string, source: string): string | null {
  if (name === '') return `empty placeholder ${quote(source)}`;
  if (/[{}]/.test(name)) return `malformed placeholder ${quote(source)}`;
  if (FIXED.includes(name)) return null;
  if (name.startsWith(ATTRIBUTES) && checkAttributeKey(name.slice(ATTRIBUTES.length), '').errors.length === 0)
    return null;
  return `unknown placeholder ${quote(source)}: use ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`;
}

/** The end (past its `}}`) of the placeholder opened at `open`, and whether it nests another; -1 if unclosed. */
function closingOf(text: string, open: number): { end: number; nested: boolean } {
  let [depth, at, nested] = [1, open + 2, false];
  while (depth > 0) {
    const [nextOpen, nextClose] = [text.indexOf('{{', at), text.indexOf('}}', at)];
    if (nextClose === -1) return { end: -1, nested };
    if (nextOpen !== -1 && nextOpen < nextClose) [depth, at, nested] = [depth + 1, nextOpen + 2, true];
    else [depth, at] = [depth - 1, nextClose + 2];
  }
  return { end: at, nested };
}

/** The text as literal pieces and placeholders; a malformed piece stays literal and is a problem. */
function parse(text: string): Parsed {
  const parsed: Parsed = { segments: [], problems: [] };
  const literal = (piece: string) => piece && parsed.segments.push({ text: piece });
  let at = 0;
  while (at < text.length) {
    const [open, close] = [text.indexOf('{{', at), text.indexOf('}}', at)];
    if (open === -1 && close === -1) break;
    if (open === -1 || (close !== -1 && close < open)) {
      parsed.problems.push(
        `"}}" without "{{" in ${quote(text.slice(Math.max(at, close - QUOTE_MAX + 2), close + 2))}`,
      );
      literal(text.slice(at, close + 2));
      at = close + 2;
      continue;
    }
    literal(text.slice(at, open));
    const { end, nested } = closingOf(text, open);
    if (end === -1) {
      parsed.problems.push(`"{{" without "}}" in ${quote(text.slice(open))}`);
      at = open;
      break;
    }
    const source = text.slice(open, end);
    const name = source.slice(2, -2).trim();
    const problem = nested ? `nested placeholder ${quote(source)}` : nameProblem(name, source);
    if (problem) parsed.problems.push(problem);
    parsed.segments.push(problem ? { text: source } : { placeholder: name });
    at = end;
  }
  literal(text.slice(at));
  return parsed;
}

/** A reminder text whose placeholders are all known and well formed; each problem names the field. */
export function checkTemplateText(text: string, field: string): Checked<string> {
  const errors: FieldError[] = parse(text)
    .problems.slice(0, MAX_PROBLEMS)
    .map((message) => ({ field, message }));
  return checked(text, errors);
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const YES_NO: Record<Language, [string, string]> = {
  fr: ['oui', 'non'],
  en: ['yes', 'no'],
  de: ['ja', 'nein'],
  es: ['sí', 'no'],
  it: ['sì', 'no'],
  nl: ['ja', 'nee'],
};
/** A written table rather than Intl's locale data, whose punctuation changes between ICU versions. */
const DATE_FORMATS: Record<Language, (year: string, month: string, day: string) => string> = {
  fr: (y, m, d) => `${d}/${m}/${y}`,
  en: (y, m, d) => `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`,
  de: (y, m, d) => `${d}.${m}.${y}`,
  es: (y, m, d) => `${d}/${m}/${y}`,
  it: (y, m, d) => `${d}/${m}/${y}`,
  nl: (y, m, d) => `${d}-${m}-${y}`,
};

/** A date (YYYY-MM-DD as it is, an instant's date in the zone) as the language writes it: 15/03/2027, 15 March 2027. */
export function formatLocalDate(value: string, { language, timeZone }: RenderLocale): string {
  const [year, month, day] = calendarDateOf(value, timeZone).split('-');
  return DATE_FORMATS[language](year, month, day);
}

function valueOf(name: string, values: PlaceholderValues, locale: RenderLocale): string {
  if (name.startsWith(ATTRIBUTES)) {
    const key = name.slice(ATTRIBUTES.length);
    const value = Object.hasOwn(values.attributes, key) ? values.attributes[key] : undefined;
    if (typeof value === 'boolean') return YES_NO[locale.language][value ? 0 : 1];
    if (value !== undefined && isDateAttribute(value)) return formatLocalDate(value, locale);
    return value === undefined ? '' : String(value);
  }
  const fixed: Record<string, string | null | undefined> = {
    'client.name': values.client.name,
    'contact.firstName': values.contact.firstName,
    'contact.lastName': values.contact.lastName,
    dueDate: values.dueDate && formatLocalDate(values.dueDate, locale),
    'firm.name': values.firm.name,
  };
  return fixed[name] ?? '';
}

/** The text with its placeholders replaced (a missing value as ''), for the plain-text part of a mail. */
export function renderText(text: string, values: PlaceholderValues, locale: RenderLocale): string {
  return parse(text)
    .segments.map((segment) =>
      'text' in segment ? segment.text : valueOf(segment.placeholder, values, locale),
    )
    .join('');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The HTML part: the rendered text escaped (the firm's template and the values alike, so neither a
 * client named `<script>` nor a stray `<` in a template is markup), a blank line closing a
 * paragraph, a single newline a `<br>`.
 */
export function renderHtml(text: string, values: PlaceholderValues, locale: RenderLocale): string {
  return escapeHtml(renderText(text, values, locale).replace(/\r\n?/g, '\n'))
    .split(/\n[ \t]*\n\s*/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${paragraph.trim().replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
