import { isUuid, normalizeText, ValidationError, type FieldError } from '@dossiers/domain';
import { ACTIVITY_TYPES, type ActivityType } from '@dossiers/read-models';

/** A list parameter as the query string brings it: once, repeated, or comma-separated. */
type ListParam = string | string[];

/** The activity routes' query string, as received (the DTO checked only its shape). */
export interface ActivityParams {
  search?: string;
  format?: ListParam;
  folderId?: string;
  includeSubfolders?: string;
  from?: string;
  to?: string;
  type?: ListParam;
  actorId?: string;
  /** the firm-wide log only */
  clientId?: string;
  cursor?: string;
}

/** The filters, in one canonical form: what entries are matched against and what a cursor carries. */
export interface ActivityFilters {
  /** the file name's text key (normalizeText) */
  search?: string;
  /** extensions, lower case, without the dot, sorted */
  formats?: string[];
  folderId?: string;
  includeSubfolders?: true;
  /** ISO instants (toISOString), inclusive */
  from?: string;
  to?: string;
  /** sorted */
  types?: ActivityType[];
  actorId?: string;
  clientId?: string;
}

/** Which page: the filters, and the position of the last entry the previous page returned. */
export interface ActivityPageRequest {
  filters: ActivityFilters;
  /** entries strictly before this position; null for the first page */
  before: number | null;
}

const FILTER_KEYS: Record<keyof ActivityFilters, keyof ActivityParams> = {
  search: 'search',
  formats: 'format',
  folderId: 'folderId',
  includeSubfolders: 'includeSubfolders',
  from: 'from',
  to: 'to',
  types: 'type',
  actorId: 'actorId',
  clientId: 'clientId',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant names its offset: a local time would be read in the server's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;
const ACTIVITY_TYPE_SET = new Set<string>(ACTIVITY_TYPES);

const listOf = (param: ListParam | undefined): string[] =>
  (Array.isArray(param) ? param : param === undefined ? [] : [param])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());

/**
 * An ISO instant or a date (UTC) as the instant it bounds: a date's first millisecond for `from`,
 * its last for `to` (so `to=2026-03-31` takes in the whole day). Null when it is neither.
 */
function boundOf(raw: string, end: 'from' | 'to'): string | null {
  const value = raw.trim();
  const date = DATE.test(value);
  if (!date && !INSTANT.test(value)) return null;
  // Date rolls 2026-02-30 over to March: a day that does not exist is refused, not moved.
  const day = value.slice(0, 10);
  if (validTime(`${day}T00:00:00.000Z`)?.slice(0, 10) !== day) return null;
  return validTime(date ? `${day}T${end === 'from' ? '00:00:00.000' : '23:59:59.999'}Z` : value);
}

/** The instant as toISOString writes it; null when Date cannot read it. */
function validTime(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** The filters of `params` in canonical form, or the problems naming each parameter. */
function filtersOf(params: ActivityParams): { filters: ActivityFilters; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filters: ActivityFilters = {};
  const fail = (field: string, message: string) => errors.push({ field, message });

  const search = params.search === undefined ? '' : normalizeText(params.search);
  if (search) filters.search = search;

  if (params.format !== undefined) {
    const formats = listOf(params.format).map((f) => (f.startsWith('.') ? f.slice(1) : f).toLowerCase());
    const bad = formats.filter((f) => f === '' || /[\s\p{C}./\\]/u.test(f) || f.length > 50);
    if (bad.length > 0 || formats.length === 0)
      fail('format', 'must be one or more file extensions (e.g. pdf or .PDF), comma-separated or repeated');
    else filters.formats = [...new Set(formats)].sort();
  }

  if (params.folderId !== undefined) {
    if (isUuid(params.folderId)) filters.folderId = params.folderId.toLowerCase();
    else fail('folderId', 'must be a uuid');
  }
  if (params.includeSubfolders !== undefined) {
    if (params.includeSubfolders !== 'true' && params.includeSubfolders !== 'false')
      fail('includeSubfolders', 'must be true or false');
    else if (params.includeSubfolders === 'true' && params.folderId === undefined)
      fail('includeSubfolders', 'needs folderId');
    else if (params.includeSubfolders === 'true') filters.includeSubfolders = true;
  }

  for (const end of ['from', 'to'] as const) {
    const raw = params[end];
    if (raw === undefined) continue;
    const bound = boundOf(raw, end);
    if (bound) filters[end] = bound;
    else
      fail(end, 'must be an ISO 8601 instant with its offset (2026-03-01T09:30:00Z) or a date (2026-03-01)');
  }
  if (filters.from && filters.to && filters.from > filters.to) fail('from', 'must not be after to');

  if (params.type !== undefined) {
    const types = listOf(params.type);
    const unknown = types.filter((t) => !ACTIVITY_TYPE_SET.has(t));
    if (unknown.length > 0 || types.length === 0)
      fail(
        'type',
        `unknown activity type ${JSON.stringify(unknown[0] ?? '')}: one of ${ACTIVITY_TYPES.join(', ')}`,
      );
    else filters.types = [...new Set(types as ActivityType[])].sort();
  }

  for (const key of ['actorId', 'clientId'] as const) {
    const value = params[key];
    if (value === undefined) continue;
    if (key === 'clientId' && !isUuid(value)) fail(key, 'must be a uuid');
    else if (value.length === 0 || value.length > 200) fail(key, 'must be 1-200 characters');
    else if (/[\s\p{C}]/u.test(value)) fail(key, 'must not hold spaces or control characters');
    else filters[key] = key === 'clientId' ? value.toLowerCase() : value;
  }
  return { filters, errors };
}

/**
 * Whose log a cursor belongs to: a cursor of one client's log is no cursor of another's, nor of
 * the firm's; and one firm's log is not another's.
 */
export const firmLog = (tenant: string) => `firm:${tenant}`;
export const clientLog = (clientId: string) => `client:${clientId}`;

/**
 * The cursor: opaque to callers (base64url JSON), it holds where the log is read (a client's or
 * the firm's), the filters and the position of the last entry returned, so the next page carries
 * the same filters. It only ever holds a position the caller was shown.
 */
export function encodeCursor(scope: string, filters: ActivityFilters, position: number): string {
  return Buffer.from(JSON.stringify({ s: scope, f: filters, p: position })).toString('base64url');
}

/** The cursor's filters and position; null when it is not one this log gave out. */
function decodeCursor(cursor: string, scope: string): ActivityPageRequest | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { s, f, p } = (decoded ?? {}) as { s?: unknown; f?: unknown; p?: unknown };
  if (s !== scope || !Number.isSafeInteger(p) || !f || typeof f !== 'object') return null;
  // Filters that do not read back as themselves were not written by encodeCursor.
  const stored = f as ActivityFilters;
  const { filters, errors } = filtersOf(asParams(stored));
  if (errors.length > 0 || JSON.stringify(filters) !== JSON.stringify(stored)) return null;
  return { filters, before: p as number };
}

/** Canonical filters as the parameters that give them back. */
function asParams(filters: ActivityFilters): ActivityParams {
  const params: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(FILTER_KEYS)) {
    const value = (filters as Record<string, unknown>)[key];
    if (value === undefined) continue;
    params[param] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return params as ActivityParams;
}

/**
 * Parses the query string into the page to read. Invalid filters: 400 naming each parameter.
 * With a cursor, every filter given must equal the cursor's (400 naming `cursor` otherwise), and
 * the ones left out are taken from it.
 */
export function parseActivityRequest(params: ActivityParams, scope: string): ActivityPageRequest {
  const { filters, errors } = filtersOf(params);
  if (errors.length > 0) throw new ValidationError(errors);
  if (params.cursor === undefined) return { filters, before: null };
  const page = decodeCursor(params.cursor, scope);
  if (!page) throw new ValidationError([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  const differing = (Object.keys(FILTER_KEYS) as (keyof ActivityFilters)[]).filter(
    (key) => filters[key] !== undefined && JSON.stringify(filters[key]) !== JSON.stringify(page.filters[key]),
  );
  if (differing.length > 0)
    throw new ValidationError([
      {
        field: 'cursor',
        message: `was made with other filters (${differing.map((key) => FILTER_KEYS[key]).join(', ')}): leave them out or send the same`,
      },
    ]);
  return page;
}
