import type { ConnectorSettings, ConnectorSettingValue } from '@dossiers/events';
import type { FieldError } from '../shared/domain-errors';
import {
  checkKnownProperties,
  checkOptions,
  checkText,
  isEmailAddress,
  isPlainObject,
} from '../templates/field-values';

/**
 * The connectors the firm can set up for a client (Pennylane, Google Drive...), each with the
 * schema of its settings. The catalog is configuration, not events: it is checked when the
 * configuration loads, and a client's connector settings are checked against it.
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
/** a service account's JSON key runs to a few kilobytes */
const SETTING_VALUE_MAX_LENGTH = 10_000;

function flag(raw: unknown, field: string, errors: FieldError[]): boolean {
  if (raw !== undefined && typeof raw !== 'boolean') errors.push({ field, message: 'must be a boolean' });
  return raw === true;
}

function checkSettingDefinition(raw: unknown, field: string, errors: FieldError[]) {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {key, label, type, options?, required?, secret?}' });
    return undefined;
  }
  checkKnownProperties(raw, ['key', 'label', 'type', 'options', 'required', 'secret'], field, errors);
  if (typeof raw.key !== 'string' || !SETTING_KEY.test(raw.key))
    errors.push({ field: `${field}.key`, message: 'must be a letter then letters, digits or _ (1-63)' });
  const label = checkText(raw.label, `${field}.label`, 200, errors);
  const type = raw.type as ConnectorSettingType;
  if (!CONNECTOR_SETTING_TYPES.includes(type))
    errors.push({ field: `${field}.type`, message: `must be one of ${CONNECTOR_SETTING_TYPES.join(', ')}` });
  const options = checkOptions(raw.options, type, `${field}.options`, errors);
  const required = flag(raw.required, `${field}.required`, errors);
  const secret = flag(raw.secret, `${field}.secret`, errors);
  if (secret && !SECRET_TYPES.includes(type))
    errors.push({ field: `${field}.type`, message: `a secret must be of type ${SECRET_TYPES.join(', ')}` });
  const setting: ConnectorSettingDefinition = {
    key: raw.key as string,
    label: label ?? '',
    type,
    ...(options ? { options } : {}),
    required,
    secret,
  };
  return setting;
}

function checkDefinition(raw: unknown, field: string, errors: FieldError[]): ConnectorDefinition | undefined {
  if (!isPlainObject(raw)) {
    errors.push({ field, message: 'must be an object {id, name, description, settings}' });
    return undefined;
  }
  checkKnownProperties(raw, ['id', 'name', 'description', 'settings'], field, errors);
  if (typeof raw.id !== 'string' || !CONNECTOR_ID.test(raw.id))
    errors.push({ field: `${field}.id`, message: 'must be lower-case letters, digits and dashes (1-63)' });
  const name = checkText(raw.name, `${field}.name`, 100, errors) ?? '';
  const description =
    raw.description === '' ? '' : checkText(raw.description, `${field}.description`, 1000, errors);
  if (!Array.isArray(raw.settings) || raw.settings.length > MAX_SETTINGS) {
    errors.push({
      field: `${field}.settings`,
      message: `must be a list of at most ${MAX_SETTINGS} settings`,
    });
    return undefined;
  }
  const settings: ConnectorSettingDefinition[] = [];
  raw.settings.forEach((item, index) => {
    const setting = checkSettingDefinition(item, `${field}.settings[${index}]`, errors);
    if (!setting) return;
    if (settings.some((s) => s.key === setting.key))
      errors.push({ field: `${field}.settings[${index}].key`, message: `duplicates "${setting.key}"` });
    settings.push(setting);
  });
  return { id: raw.id as string, name, description: description ?? '', settings };
}

/** Checks a connector catalog (the default one, or CONNECTOR_CATALOG_FILE's); throws an Error naming every problem. */
export function checkConnectorCatalog(raw: unknown): ConnectorDefinition[] {
  const errors: FieldError[] = [];
  const catalog: ConnectorDefinition[] = [];
  if (!Array.isArray(raw) || raw.length > MAX_CONNECTORS) {
    errors.push({
      field: 'catalog',
      message: `must be a JSON array of at most ${MAX_CONNECTORS} connectors`,
    });
  } else {
    raw.forEach((item, index) => {
      const definition = checkDefinition(item, `catalog[${index}]`, errors);
      if (!definition) return;
      if (catalog.some((c) => c.id === definition.id))
        errors.push({ field: `catalog[${index}].id`, message: `duplicates "${definition.id}"` });
      catalog.push(definition);
    });
  }
  if (errors.length)
    throw new Error(`Invalid connector catalog: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
  return catalog;
}

/** Why a value does not suit its setting, or null. Strings arrive trimmed. */
function valueProblem(setting: ConnectorSettingDefinition, value: unknown): string | null {
  switch (setting.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be a boolean';
    case 'select':
      return typeof value === 'string' && setting.options?.includes(value)
        ? null
        : `must be one of ${(setting.options ?? []).join(', ')}`;
    case 'email':
      return typeof value === 'string' && isEmailAddress(value) ? null : 'must be an email address';
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? null : 'must be an http(s) URL';
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      return value.length > SETTING_VALUE_MAX_LENGTH
        ? `must be at most ${SETTING_VALUE_MAX_LENGTH} characters`
        : null;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Checks a client's settings for one connector. Unknown keys are refused; a blank string counts as
 * absent. A required secret may be left out when one is already stored (`storedSecretKeys`): a PUT
 * cannot read secrets back, so it keeps them by omitting them. `secrets` holds the clear values
 * given, for the caller to encrypt; `settings` holds the rest.
 */
export function checkConnectorSettings(
  definition: ConnectorDefinition,
  raw: unknown,
  options: { field: string; storedSecretKeys: string[] },
): { settings: ConnectorSettings; secrets: Record<string, string>; errors: FieldError[] } {
  const { field } = options;
  const settings: ConnectorSettings = {};
  const secrets: Record<string, string> = {};
  const given = raw === undefined ? {} : raw;
  if (!isPlainObject(given)) return { settings, secrets, errors: [{ field, message: 'must be an object' }] };
  const errors: FieldError[] = [];
  for (const key of Object.keys(given)) {
    if (!definition.settings.some((s) => s.key === key))
      errors.push({ field: `${field}.${key}`, message: `is not a setting of ${definition.name}` });
  }
  for (const setting of definition.settings) {
    const settingField = `${field}.${setting.key}`;
    const rawValue = Object.hasOwn(given, setting.key) ? given[setting.key] : undefined;
    const value = typeof rawValue === 'string' ? rawValue.trim() : rawValue;
    if (value === undefined || value === '') {
      const kept = setting.secret && options.storedSecretKeys.includes(setting.key);
      if (setting.required && !kept) errors.push({ field: settingField, message: 'is required' });
      continue;
    }
    const problem = valueProblem(setting, value);
    if (problem) errors.push({ field: settingField, message: problem });
    else if (setting.secret) secrets[setting.key] = value as string;
    else settings[setting.key] = value as ConnectorSettingValue;
  }
  return { settings, secrets, errors };
}
