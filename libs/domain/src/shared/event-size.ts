import type { DomainEvent } from '@dossiers/events';
import { ValidationError, type FieldError } from './domain-errors';

/**
 * How much one command's events may weigh. The event store refuses an append over 1 MiB (its port's
 * MAX_APPEND_BYTES: the UTF-8 bytes of each event's JSON data and metadata, and of its type), and
 * answers it with a 413 that names nothing. The domain keeps every decision under a smaller budget,
 * so that it refuses first, naming the field to shrink; the metadata, which only the application
 * adds, is counted as a fixed allowance per event.
 */
export const APPEND_BUDGET_BYTES = 896 * 1024;

/**
 * Room for one event's metadata: tenant and actor ids of up to 64 characters, correlation and
 * causation ids of up to 100 (their headers' limit), the instant and the role come to about 460.
 */
export const METADATA_ALLOWANCE_BYTES = 512;

/** The bytes of `text` in UTF-8: a pair of surrogates is one 4-byte code point, a lone one 3 (U+FFFD). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 bytes of a value's JSON, as the event store writes it. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value) ?? '');

/** What the events weigh in one append: each one's data and type, and its metadata allowance. */
export function appendBytes(events: readonly DomainEvent<string, object>[]): number {
  return events.reduce(
    (total, event) => total + jsonBytes(event.data) + utf8Bytes(event.type) + METADATA_ALLOWANCE_BYTES,
    0,
  );
}

/** Which input to shrink when a command's events are too heavy, and how (a sentence the API shows). */
export type SizeAdvice = { field: string; advice: string; step?: string };

/** The refusal of events weighing `bytes`, naming the field to shrink. */
export function eventsTooLarge(bytes: number, { field, advice, step }: SizeAdvice): FieldError {
  const message =
    `is too large to record: the request's events would take ${bytes} bytes, ` +
    `more than the ${APPEND_BUDGET_BYTES} one write may hold; ${advice}`;
  return { field, message, ...(step ? { step } : {}) };
}

export const eventsTooLargeError = (bytes: number, size: SizeAdvice): ValidationError =>
  new ValidationError([eventsTooLarge(bytes, size)]);

/** The events, when one append can hold them; a 400 naming the field to shrink otherwise. */
export function assertEventsFit<E extends DomainEvent<string, object>>(events: E[], size: SizeAdvice): E[] {
  const bytes = appendBytes(events);
  if (bytes > APPEND_BUDGET_BYTES) throw eventsTooLargeError(bytes, size);
  return events;
}
