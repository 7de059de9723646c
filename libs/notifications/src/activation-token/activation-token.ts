import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an activation link proves: this tenant's contact may activate through this invitation until `exp`. */
export interface ActivationClaims {
  tenant: string;
  contactId: string;
  invitationId: string;
  /** Unix seconds; past it the link is gone (the contact decider decides, from the command's `now`) */
  exp: number;
}

/** The purpose the token key is derived for (SecretBox.deriveKey): the signer and the verifier must agree. */
export const ACTIVATION_TOKEN_KEY_PURPOSE = 'activation-token';

/** A token longer than this is not one of ours: refused before any decoding or hashing. */
const MAX_TOKEN_LENGTH = 2048;

/**
 * Activation tokens: `base64url(JSON claims)` + `.` + `base64url(HMAC-SHA256)`. The claims are
 * written in a fixed order, so one invitation always yields the same token, and a retried send
 * carries the same link. The key is derived from the secrets key (SecretBox.deriveKey), so the
 * link survives restarts and works in every process sharing SECRETS_KEY.
 */
export class ActivationTokens {
  constructor(private readonly key: Buffer) {}

  sign({ tenant, contactId, invitationId, exp }: ActivationClaims): string {
    const payload = Buffer.from(JSON.stringify({ tenant, contactId, invitationId, exp })).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claims of a token this key signed; null for anything malformed or tampered with. Expiry is not checked here. */
  verify(token: string): ActivationClaims | null {
    if (token.length > MAX_TOKEN_LENGTH) return null;
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return claimsOf(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      return null;
    }
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }
}

function claimsOf(value: unknown): ActivationClaims | null {
  const { tenant, contactId, invitationId, exp } = (value ?? {}) as Record<string, unknown>;
  const texts = [tenant, contactId, invitationId];
  if (!texts.every((t) => typeof t === 'string' && t.length > 0)) return null;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { tenant, contactId, invitationId, exp } as ActivationClaims;
}

/** The link expires `ttlHours` after the invitation: a function of the event, so every retry computes the same. */
export function activationExpiry(invitedAt: string, ttlHours: number): number {
  return Math.floor(Date.parse(invitedAt) / 1000) + ttlHours * 3600;
}

/** The page of the portal that asks for the password and then calls POST /activations/:token. */
export function activationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/activate?token=${encodeURIComponent(token)}`;
}
