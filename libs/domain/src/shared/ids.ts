import { invalid, valid, type Checked } from './checked';

/** Every id the API hands out or accepts is a uuid (any version), in either case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (raw: unknown): raw is string => typeof raw === 'string' && UUID.test(raw);

/** The id of another resource: a uuid, lower-cased (ids are stored and compared lower-case). */
export function checkUuid(raw: unknown, field: string): Checked<string> {
  return isUuid(raw) ? valid(raw.toLowerCase()) : invalid(field, 'must be a uuid');
}
