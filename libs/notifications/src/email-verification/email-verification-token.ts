import { isNonEmptyText, SignedTokens } from '../signed-token/signed-tokens';

/**
 * What an email-verification link proves: the owner of the address request `requestId` asked for
 * (ContactEmailChangeRequested) received it, until `exp`. The request names its address, so the
 * link is bound to it; a later request supersedes it (the contact decider decides).
 */
export interface EmailVerificationClaims {
  tenant: string;
  contactId: string;
  requestId: string;
  /** Unix seconds: the request's `expiresAt` */
  exp: number;
}

/** Its own key: an activation token is never taken for a verification token, nor the reverse. */
export const EMAIL_VERIFICATION_TOKEN_KEY_PURPOSE = 'email-verification-token';

export class EmailVerificationTokens extends SignedTokens<EmailVerificationClaims> {
  constructor(key: Buffer) {
    super(key, ['tenant', 'contactId', 'requestId', 'exp'], claimsOf);
  }
}

function claimsOf(value: Record<string, unknown>): EmailVerificationClaims | null {
  const { tenant, contactId, requestId, exp } = value;
  if (![tenant, contactId, requestId].every(isNonEmptyText)) return null;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) return null;
  return { tenant, contactId, requestId, exp } as EmailVerificationClaims;
}

/** The page of the portal that confirms the new address, then calls POST /email-verifications/:token. */
export function emailVerificationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify-email?token=${encodeURIComponent(token)}`;
}
