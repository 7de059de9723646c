import { randomUUID } from 'node:crypto';
import type { FieldError } from '@dossiers/domain';

/** Ids a client may pass along; each goes into logs and into the metadata of every event it causes. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const CAUSATION_HEADER = 'x-causation-id';
/** What proxies and load balancers set: taken as the request's id when well-formed, never refused. */
export const REQUEST_ID_HEADER = 'x-request-id';

const ID_FORMAT = /^[\w\-:.]{1,100}$/;
const FIELD_NAMES: Record<string, string> = {
  [CORRELATION_HEADER]: 'X-Correlation-Id',
  [CAUSATION_HEADER]: 'X-Causation-Id',
};

type Headers = Record<string, string | string[] | undefined>;

/** A well-formed id: 1-100 letters, digits, _ - : or . (a uuid, a ULID, most proxies' ids). */
export const isWellFormedId = (value: unknown): value is string =>
  typeof value === 'string' && ID_FORMAT.test(value);

/** The errors of the metadata headers a request carries: each, when present, is 1-100 letters, digits, _ - : or .. */
export function metadataHeaderErrors(headers: Headers): FieldError[] {
  return Object.entries(FIELD_NAMES)
    .filter(([header]) => headers[header] !== undefined && !isWellFormedId(headers[header]))
    .map(([, field]) => ({ field, message: 'must be 1-100 characters among letters, digits, _ - : and .' }));
}

/**
 * The request's one id: its correlation id in logs, in the response (X-Request-Id and
 * X-Correlation-Id) and in every event it causes. X-Correlation-Id first: a caller that names the
 * correlation chose it, where X-Request-Id is often a proxy's. A malformed X-Request-Id is replaced
 * by a new id rather than refused: the caller may not be the one who set it. (A malformed
 * X-Correlation-Id gets 400, see metadataHeaderErrors; the id given here is then never stored.)
 */
export function requestIdOf(headers: Headers): string {
  const correlation = headers[CORRELATION_HEADER];
  if (isWellFormedId(correlation)) return correlation;
  const requestId = headers[REQUEST_ID_HEADER];
  return isWellFormedId(requestId) ? requestId : randomUUID();
}
