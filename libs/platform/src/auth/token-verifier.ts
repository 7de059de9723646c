import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

/**
 * How long a token may live (`exp - iat`), by kind of principal, and how far the issuer's clock may
 * run ahead of ours. A stolen token is only worth its lifetime: users get a working day, services
 * (machine credentials, rotated by their platform) longer.
 */
export interface TokenLimits {
  maxLifetimeSeconds: { user: number; service: number };
  clockSkewSeconds: number;
}

export const DEFAULT_TOKEN_LIMITS: TokenLimits = {
  maxLifetimeSeconds: { user: 24 * 3600, service: 30 * 24 * 3600 },
  clockSkewSeconds: 60,
};

type Trust = { issuer?: string; audience?: string; limits?: TokenLimits };
export type VerifierOptions = ({ secret: string } | { jwksUrl: string }) & Trust;

/** Verifies bearer tokens: HS256 with a shared secret (embedded), or a JWKS URL (identity provider). */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: VerifierOptions) {
    if ('jwksUrl' in options) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
    } else {
      this.key = new TextEncoder().encode(options.secret);
      this.algorithms = ['HS256'];
    }
  }

  async verify(token: string, now = Date.now()): Promise<Principal> {
    const limits = this.options.limits ?? DEFAULT_TOKEN_LIMITS;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        // Without an expiry a token would be valid forever; without iat its lifetime is unknown.
        requiredClaims: ['exp', 'iat'],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: limits.clockSkewSeconds,
        currentDate: new Date(now),
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const { sub, tenant, role, iat, exp } = payload as Record<string, unknown> & { iat: number; exp: number };
    if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('claim "sub" is missing');
    if (typeof tenant !== 'string' || !tenant) throw new InvalidTokenError('claim "tenant" is missing');
    if (!ROLES.includes(role as Role))
      throw new InvalidTokenError(`claim "role" must be one of ${ROLES.join(', ')}`);
    if (iat > now / 1000 + limits.clockSkewSeconds)
      throw new InvalidTokenError('claim "iat" is in the future');
    const maxLifetime = limits.maxLifetimeSeconds[role === 'service' ? 'service' : 'user'];
    if (exp - iat > maxLifetime)
      throw new InvalidTokenError(
        `the token lives longer than ${maxLifetime} s (exp - iat), the most a ${role} token may`,
      );
    return { sub, tenant, role: role as Role };
  }
}

/** Signs an HS256 token (the `npm run token` CLI and the tests). */
export function signToken(secret: string, principal: Principal, expiresIn = '12h'): Promise<string> {
  return new SignJWT({ tenant: principal.tenant, role: principal.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
