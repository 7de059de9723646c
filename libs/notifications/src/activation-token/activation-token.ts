import { isNonEmptyText, SignedTokens } from '../signed-token/signed-tokens';

/**
 * What an activation link proves: this tenant's contact may activate through this invitation until
 * `exp`, as long as its email is still the address the link was mailed to (`emailHash`, see
 * emailHashOf in signed-tokens.ts): a link sent before an email change is void after it.
 */
export interface ActivationClaims {
  tenant: string;
  contactId: string;
  invitationId: string;
  /** emailHashOf the address the link was mailed to */
  emailHash: string;
  /** Unix seconds; past it the link is gone (the contact decider decides, from the command's `now`) */
  exp: number;
}

/** The purpose the token key is derived for (SecretBox.deriveKey): the signer and the verifier must agree. */
export const ACTIVATION_TOKEN_KEY_PURPOSE = 'activation-token';

/**
 * Activation tokens (see SignedTokens). The key is derived from the secrets key
 * (SecretBox.deriveKey), so the link survives restarts and works in every process sharing
 * SECRETS_KEY. A token without `emailHash` (signed before links were bound to their address) is
 * not accepted.
 */
export class ActivationTokens extends SignedTokens<ActivationClaims> {
  constructor(key: Buffer) {
    super(key, ['tenant', 'contactId', 'invitationId', 'emailHash', 'exp'], claimsOf);
  }
}

function claimsOf(value: Record<string, unknown>): ActivationClaims | null {
  const { tenant, contactId, invitationId, emailHash, exp } = value;
  if (![tenant, contactId, invitationId, emailHash].every(isNonEmptyText)) return null;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { tenant, contactId, invitationId, emailHash, exp } as ActivationClaims;
}

/** The link expires `ttlHours` after the invitation: a function of the event, so every retry computes the same. */
export function activationExpiry(invitedAt: string, ttlHours: number): number {
  return Math.floor(Date.parse(invitedAt) / 1000) + ttlHours * 3600;
}

/** The page of the portal that asks for the password and then calls POST /activations/:token. */
export function activationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/activate?token=${encodeURIComponent(token)}`;
}
