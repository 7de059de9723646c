import type { ConnectorSettings, ConnectorSettingValue } from '@dossiers/events';
import { checked, invalid, valid, type Checked } from '../shared/checked';
import type { FieldError } from '../shared/domain-errors';
import { isEmailAddress, isPlainObject } from '../templates/field-values';
import type { ConnectorDefinition, ConnectorSettingDefinition } from './connector-catalog';

/** a service account's JSON key runs to a few kilobytes */
const SETTING_VALUE_MAX_LENGTH = 10_000;

/** A client's settings for one connector: the clear secrets apart, for the caller to encrypt. */
export interface ConnectorValues {
  settings: ConnectorSettings;
  secrets: Record<string, string>;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A value for its setting. Strings arrive trimmed. */
function checkValue(setting: ConnectorSettingDefinition, value: unknown, field: string): Checked<unknown> {
  const accepted = (ok: boolean, message: string) => (ok ? valid(value) : invalid(field, message));
  switch (setting.type) {
    case 'number':
      return accepted(typeof value === 'number' && Number.isFinite(value), 'must be a number');
    case 'boolean':
      return accepted(typeof value === 'boolean', 'must be a boolean');
    case 'select':
      return accepted(
        typeof value === 'string' && (setting.options ?? []).includes(value),
        `must be one of ${(setting.options ?? []).join(', ')}`,
      );
    case 'email':
      return accepted(typeof value === 'string' && isEmailAddress(value), 'must be an email address');
    case 'url':
      return accepted(typeof value === 'string' && isHttpUrl(value), 'must be an http(s) URL');
    case 'string':
      if (typeof value !== 'string') return invalid(field, 'must be a string');
      return accepted(
        value.length <= SETTING_VALUE_MAX_LENGTH,
        `must be at most ${SETTING_VALUE_MAX_LENGTH} characters`,
      );
  }
}

/**
 * Checks a client's settings for one connector. Unknown keys are refused; a blank string counts as
 * absent. A required secret may be left out when one is already stored (`storedSecretKeys`): a PUT
 * cannot read secrets back, so it keeps them by omitting them. `secrets` holds the clear values
 * given, for the caller to encrypt; `settings` holds the rest.
 */
export function checkConnectorValues(
  definition: ConnectorDefinition,
  raw: unknown,
  options: { field: string; storedSecretKeys: string[] },
): Checked<ConnectorValues> {
  const { field } = options;
  const given = raw === undefined ? {} : raw;
  if (!isPlainObject(given)) return invalid(field, 'must be an object');
  const errors: FieldError[] = [];
  for (const key of Object.keys(given)) {
    if (!definition.settings.some((s) => s.key === key))
      errors.push({ field: `${field}.${key}`, message: `is not a setting of ${definition.name}` });
  }
  const values: ConnectorValues = { settings: {}, secrets: {} };
  for (const setting of definition.settings) {
    const settingField = `${field}.${setting.key}`;
    const rawValue = Object.hasOwn(given, setting.key) ? given[setting.key] : undefined;
    const value = typeof rawValue === 'string' ? rawValue.trim() : rawValue;
    if (value === undefined || value === '') {
      const kept = setting.secret && options.storedSecretKeys.includes(setting.key);
      if (setting.required && !kept) errors.push({ field: settingField, message: 'is required' });
      continue;
    }
    const result = checkValue(setting, value, settingField);
    errors.push(...result.errors);
    if (result.errors.length > 0) continue;
    if (setting.secret) values.secrets[setting.key] = value as string;
    else values.settings[setting.key] = value as ConnectorSettingValue;
  }
  return checked(values, errors);
}
