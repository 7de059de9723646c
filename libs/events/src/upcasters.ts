import type { RecordedEvent } from './envelope';
import { CURRENT_SCHEMA_VERSION, type EventType } from './schema-versions';

/** Turns a stored payload of version `from` into version `from + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters by event type and source version: `Type: { 1: (v1) => v2 }` turns a version-1 payload
 * into version 2.
 */
const UPCASTERS: Partial<Record<EventType, Record<number, Upcaster>>> = {
  // v2 names the client whose invitation was used; a v1 activation cannot tell which.
  ContactActivated: { 1: (v1) => ({ ...v1, clientId: null }) },
  // v2 carries the firm's calendar and name: a v1 firm had the defaults (the domain's
  // DEFAULT_TENANT_SETTINGS, which its spec checks against this).
  TenantSettingsChanged: {
    1: (v1) => ({ ...v1, timeZone: 'Europe/Paris', sendHour: '09:00', firmName: '' }),
  },
  // v2 names the report's folder and the email's texts: a v1 form files at the root, says nothing.
  // v2 says what each recipient was mailed: a v1 form mailed nobody (it was only recorded).
  FormSent: { 1: (v1) => ({ ...v1, title: v1.formName, message: null, recipients: [] }) },
  FormTemplateCreated: { 1: (v1) => ({ ...v1, targetFolderPath: null, messages: {} }) },
};

/**
 * Brings a stored event to the current schema of its type, so deciders and projections only
 * ever see the latest shape. Unknown types pass through untouched (readers ignore them).
 */
export function upcast(event: RecordedEvent): RecordedEvent {
  return upcastWith(event, UPCASTERS);
}

export function upcastWith(
  event: RecordedEvent,
  upcasters: Partial<Record<EventType, Record<number, Upcaster>>>,
): RecordedEvent {
  const type = event.type as EventType;
  const target = CURRENT_SCHEMA_VERSION[type];
  if (target === undefined || event.schemaVersion >= target) return event;
  let data = event.data as Record<string, unknown>;
  for (let version = event.schemaVersion; version < target; version++) {
    const step = upcasters[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
    data = step(data);
  }
  return { ...event, schemaVersion: target, data: data as RecordedEvent['data'] };
}
