import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { emailKey } from '@dossiers/domain';

/** A token longer than this is not one of ours: refused before any decoding or hashing. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Tokens of the links in emails: `base64url(JSON claims)` + `.` + `base64url(HMAC-SHA256)`. The
 * claims are written in a fixed order (`fields`), so the same claims always yield the same token,
 * and a retried send carries the same link. Each kind of link has its own key (derived from the
 * secrets key for its purpose), so a token of one kind is never accepted as another.
 */
export class SignedTokens<Claims extends object> {
  constructor(
    private readonly key: Buffer,
    private readonly fields: readonly (keyof Claims & string)[],
    /** the claims of a decoded payload, or null when it is not a claim set of this kind */
    private readonly claimsOf: (value: Record<string, unknown>) => Claims | null,
  ) {}

  sign(claims: Claims): string {
    const ordered = Object.fromEntries(this.fields.map((field) => [field, claims[field]]));
    const payload = Buffer.from(JSON.stringify(ordered)).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claims of a token this key signed; null for anything malformed or tampered with. Expiry is not checked here. */
  verify(token: string): Claims | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      return this.claimsOf(value as Record<string, unknown>);
    } catch {
      return null;
    }
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}

export const isNonEmptyText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

/**
 * What a link carries of the address it was mailed to: 128 bits of the SHA-256 of that address
 * (in the form emails are compared in: NFC, trimmed, lower-cased) and of the contact's email
 * version (how many times its email changed), so the URL does not spell the address out, and a
 * link mailed before a change stays void even if the address comes back. Whoever compares (the
 * activation) hashes the contact's current email and version the same way.
 */
export function emailHashOf(email: string, emailVersion: number): string {
  const normalised = emailKey(email);
  return createHash('sha256')
    .update(`${emailVersion}\n${normalised}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
