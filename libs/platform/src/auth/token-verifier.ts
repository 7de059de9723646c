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

/** How many verified tokens a verifier remembers (about 1 KB each): far more than the callers of one process. */
export const VERIFIED_TOKENS_KEPT = 10_000;

interface Verified {
  principal: Principal;
  iat: number;
  exp: number;
  nbf?: number;
}

/**
 * Verifies bearer tokens: HS256 with a shared secret (embedded), or a JWKS URL (identity provider).
 *
 * An internal app sends the same token on every request until it expires, and checking its
 * signature again each time cost a tenth of a small query (BENCHMARKS.md, (i)): a token that
 * verified is remembered, by its exact text, with what it proved, and only its time claims are
 * checked again. Nothing else can change what a token proves: its claims are signed, and the
 * signature is part of the text. Refused tokens are not remembered, so a bad one costs its check
 * every time and cannot push good ones out.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /** in insertion order: the oldest goes first when full */
  private readonly verified = new Map<string, Verified>();

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
    const known = this.verified.get(token);
    if (known) {
      if (stillValid(known, now, limits.clockSkewSeconds)) return known.principal;
      this.verified.delete(token);
    }
    const verified = await this.verifyAnew(token, now, limits);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
    return verified.principal;
  }

  private async verifyAnew(token: string, now: number, limits: TokenLimits): Promise<Verified> {
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
    const { sub, tenant, role, iat, exp, nbf } = payload as Record<string, unknown> & {
      iat: number;
      exp: number;
      nbf?: number;
    };
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
    return { principal: { sub, tenant, role: role as Role }, iat, exp, nbf };
  }
}

/** The time checks of a verification, as jose and `verifyAnew` make them, with the same tolerance. */
function stillValid({ iat, exp, nbf }: Verified, now: number, skew: number): boolean {
  const seconds = Math.floor(now / 1000);
  return exp > seconds - skew && (nbf === undefined || nbf <= seconds + skew) && iat <= now / 1000 + skew;
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
