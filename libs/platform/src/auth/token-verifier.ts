import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Principal, type Role } from './principal';

export class InvalidTokenError extends Error {}

export type VerifierOptions =
  | { secret: string; issuer?: string; audience?: string }
  | { jwksUrl: string; issuer?: string; audience?: string };

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

  async verify(token: string): Promise<Principal> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        // A token without an expiry would be valid forever.
        requiredClaims: ['exp'],
        issuer: this.options.issuer,
        audience: this.options.audience,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const { sub, tenant, role } = payload;
    if (typeof sub !== 'string' || !sub) throw new InvalidTokenError('claim "sub" is missing');
    if (typeof tenant !== 'string' || !tenant) throw new InvalidTokenError('claim "tenant" is missing');
    if (!ROLES.includes(role as Role))
      throw new InvalidTokenError(`claim "role" must be one of ${ROLES.join(', ')}`);
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
