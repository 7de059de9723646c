import { createHash } from 'node:crypto';

/**
 * A delivery id derived from the id of the event that asked for it and a `purpose` (a UUID v5
 * shape): a batch read again finds the same delivery, so a mail is recorded once.
 */
export function derivedDeliveryId(eventId: string, purpose: string): string {
  const hex = createHash('sha1').update(`${eventId}:${purpose}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
