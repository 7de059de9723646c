import type { FieldError } from '@dossiers/domain';

/** Ids a client may pass along; each goes into logs and into the metadata of every event it causes. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const CAUSATION_HEADER = 'x-causation-id';

const ID_FORMAT = /^[\w\-:.]{1,100}$/;
const FIELD_NAMES: Record<string, string> = {
  [CORRELATION_HEADER]: 'X-Correlation-Id',
  [CAUSATION_HEADER]: 'X-Causation-Id',
};

/** The errors of the metadata headers a request carries: each, when present, is 1-100 letters, digits, _ - : or .. */
export function metadataHeaderErrors(headers: Record<string, string | string[] | undefined>): FieldError[] {
  return Object.entries(FIELD_NAMES)
    .filter(([header]) => {
      const value = headers[header];
      return value !== undefined && (typeof value !== 'string' || !ID_FORMAT.test(value));
    })
    .map(([, field]) => ({ field, message: 'must be 1-100 characters among letters, digits, _ - : and .' }));
}
