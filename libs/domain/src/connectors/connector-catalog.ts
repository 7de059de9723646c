import { checkAll, checked, invalid, mapChecked, thenCheck, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import {
  checkFlag,
  checkHumanText,
  checkOneOf,
  checkOnlyKnown,
  checkSelectOptions,
  isPlainObject,
} from '../templates/field-values';

/**
 * The connectors the firm can set up for a client (Pennylane, Google Drive...), each with the
 * schema of its settings. The catalog is configuration, not events: it is checked when the
 * configuration loads, and a client's connector settings are checked against it
 * (connector-settings.ts).
 */
export const CONNECTOR_SETTING_TYPES = ['string', 'number', 'boolean', 'url', 'email', 'select'] as const;
export type ConnectorSettingType = (typeof CONNECTOR_SETTING_TYPES)[number];
/** Secrets are stored encrypted as text, so a secret setting holds text. */
const SECRET_TYPES: readonly ConnectorSettingType[] = ['string', 'url', 'email'];

export interface ConnectorSettingDefinition {
  key: string;
  label: string;
  type: ConnectorSettingType;
  /** the allowed values of a `select`; absent for other types */
  options?: string[];
  required: boolean;
  /** never shown back: stored encrypted, omitted from read models and answers */
  secret: boolean;
}

export interface ConnectorDefinition {
  id: string;
  name: string;
  description: string;
  settings: ConnectorSettingDefinition[];
}

/** Ids appear in URLs and events: lower-case letters, digits and dashes. */
const CONNECTOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SETTING_KEY = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
const MAX_CONNECTORS = 500;
const MAX_SETTINGS = 50;
const SETTING_PROPERTIES = ['key', 'label', 'type', 'options', 'required', 'secret'];

const matching = (pattern: RegExp, raw: unknown, field: string, message: string): Checked<string> =>
  typeof raw === 'string' && pattern.test(raw) ? valid(raw) : invalid(field, message);

function checkSettingDefinition(raw: unknown, field: string): Checked<ConnectorSettingDefinition> {
  if (!isPlainObject(raw))
    return invalid(field, 'must be an object {key, label, type, options?, required?, secret?}');
  const parts = checkAll({
    known: checkOnlyKnown(raw, SETTING_PROPERTIES, field),
    key: matching(SETTING_KEY, raw.key, `${field}.key`, 'must be a letter then letters, digits or _ (1-63)'),
    label: checkHumanText(raw.label, `${field}.label`, 200),
    type: checkOneOf(raw.type, CONNECTOR_SETTING_TYPES, `${field}.type`),
    options: checkSelectOptions(raw.options, raw.type, `${field}.options`),
    required: checkFlag(raw.required, `${field}.required`),
    secret: thenCheck(checkFlag(raw.secret, `${field}.secret`), (secret) =>
      secret && !SECRET_TYPES.includes(raw.type as ConnectorSettingType)
        ? invalid(`${field}.type`, `a secret must be of type ${SECRET_TYPES.join(', ')}`)
        : valid(secret),
    ),
  });
  return mapChecked(parts, ({ key, label, type, options, required, secret }) => ({
    key,
    label,
    type,
    ...(options ? { options } : {}),
    required,
    secret,
  }));
}

/** The items of a list, each checked, a repeated `idProperty` refused (even when the rest is wrong). */
function checkDistinct<T>(
  items: unknown[],
  field: (index: number) => string,
  check: (item: unknown, field: string) => Checked<T>,
  idProperty: string,
): Checked<T[]> {
  const errors: FieldError[] = [];
  const values: T[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const result = check(item, field(index));
    errors.push(...result.errors);
    const id = isPlainObject(item) ? item[idProperty] : undefined;
    if (typeof id === 'string' && seen.has(id))
      errors.push({ field: `${field(index)}.${idProperty}`, message: `duplicates "${id}"` });
    if (typeof id === 'string') seen.add(id);
    if (result.value) values.push(result.value);
  });
  return checked(values, errors);
}

function checkDefinition(raw: unknown, field: string): Checked<ConnectorDefinition> {
  if (!isPlainObject(raw)) return invalid(field, 'must be an object {id, name, description, settings}');
  const settings =
    Array.isArray(raw.settings) && raw.settings.length <= MAX_SETTINGS
      ? checkDistinct(raw.settings, (i) => `${field}.settings[${i}]`, checkSettingDefinition, 'key')
      : invalid(`${field}.settings`, `must be a list of at most ${MAX_SETTINGS} settings`);
  const parts = checkAll({
    known: checkOnlyKnown(raw, ['id', 'name', 'description', 'settings'], field),
    id: matching(CONNECTOR_ID, raw.id, `${field}.id`, 'must be lower-case letters, digits and dashes (1-63)'),
    name: checkHumanText(raw.name, `${field}.name`, 100),
    description:
      raw.description === '' ? valid('') : checkHumanText(raw.description, `${field}.description`, 1000),
    settings,
  });
  return mapChecked(parts, ({ id, name, description, settings }) => ({ id, name, description, settings }));
}

/** Checks a connector catalog (the default one, or CONNECTOR_CATALOG_FILE's); throws an Error naming every problem. */
export function checkConnectorCatalog(raw: unknown): ConnectorDefinition[] {
  const catalog =
    Array.isArray(raw) && raw.length <= MAX_CONNECTORS
      ? checkDistinct(raw, (i) => `catalog[${i}]`, checkDefinition, 'id')
      : invalid('catalog', `must be a JSON array of at most ${MAX_CONNECTORS} connectors`);
  // Configuration, not a request: a bad catalog stops the process at start, it is no 400.
  if (catalog.value === undefined)
    throw new Error(
      `Invalid connector catalog: ${catalog.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    );
  return catalog.value;
}
