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
  /**
   * the client whose invitation (ContactInvited) the link was minted from; null in a link minted
   * before links named it
   */
  clientId: string | null;
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
 * not accepted; one without `clientId` (signed before links named their client) is, naming none.
 */
export class ActivationTokens extends SignedTokens<ActivationClaims> {
  constructor(key: Buffer) {
    super(key, ['tenant', 'contactId', 'invitationId', 'clientId', 'emailHash', 'exp'], claimsOf);
  }
}

function claimsOf(value: Record<string, unknown>): ActivationClaims | null {
  const { tenant, contactId, invitationId, clientId = null, emailHash, exp } = value;
  if (![tenant, contactId, invitationId, emailHash].every(isNonEmptyText)) return null;
  if (clientId !== null && !isNonEmptyText(clientId)) return null;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { tenant, contactId, invitationId, clientId, emailHash, exp } as ActivationClaims;
}

/** The link expires `ttlHours` after the invitation: a function of the event, so every retry computes the same. */
export function activationExpiry(invitedAt: string, ttlHours: number): number {
  return Math.floor(Date.parse(invitedAt) / 1000) + ttlHours * 3600;
}

/** The page of the portal that asks for the password and then calls POST /activations/:token. */
export function activationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/activate?token=${encodeURIComponent(token)}`;
}
