import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { InvalidTokenError, signToken, TokenVerifier } from './token-verifier';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-tokens';

describe('TokenVerifier', () => {
  describe('HS256 (embedded default)', () => {
    const verifier = new TokenVerifier({ secret: SECRET });

    it('returns the principal of a valid token', async () => {
      const token = await signToken(SECRET, { tenant: 'firm', role: 'auditor', sub: 'u1' });
      await expect(verifier.verify(token)).resolves.toEqual({ tenant: 'firm', role: 'auditor', sub: 'u1' });
    });

    it.each([
      ['another secret', () => signToken(`${SECRET}-other`, { tenant: 'firm', role: 'admin', sub: 'u1' })],
      ['an expired token', () => signToken(SECRET, { tenant: 'firm', role: 'admin', sub: 'u1' }, '-2m')],
      [
        'a token that never expires (no exp)',
        () =>
          new SignJWT({ tenant: 'firm', role: 'admin' })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('u1')
            .sign(new TextEncoder().encode(SECRET)),
      ],
      ['an unknown role', () => signToken(SECRET, { tenant: 'firm', role: 'root' as never, sub: 'u1' })],
      [
        'no tenant',
        () =>
          new SignJWT({ role: 'admin' })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('u1')
            .sign(new TextEncoder().encode(SECRET)),
      ],
      [
        'alg none',
        async () =>
          `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"u","tenant":"t","role":"admin"}').toString('base64url')}.`,
      ],
    ])('rejects %s', async (_, make) => {
      await expect(verifier.verify(await make())).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });

  describe('remembering verified tokens', () => {
    it('answers a token it verified without checking its signature again, until it expires', async () => {
      const verifier = new TokenVerifier({ secret: SECRET });
      const issued = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ tenant: 'firm', role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u1')
        .setIssuedAt(issued)
        .setExpirationTime(issued + 600)
        .sign(new TextEncoder().encode(SECRET));
      await expect(verifier.verify(token)).resolves.toEqual({ tenant: 'firm', role: 'admin', sub: 'u1' });
      const jose = jest.requireActual<typeof import('jose')>('jose');
      const spy = jest.spyOn(jose, 'jwtVerify');
      try {
        await expect(verifier.verify(token)).resolves.toEqual({ tenant: 'firm', role: 'admin', sub: 'u1' });
        expect(spy).not.toHaveBeenCalled();
        // Remembered: still valid within the skew after its exp, refused past it, as a first check would.
        await expect(verifier.verify(token, (issued + 600 + 59) * 1000)).resolves.toMatchObject({
          sub: 'u1',
        });
        expect(spy).not.toHaveBeenCalled();
        await expect(verifier.verify(token, (issued + 600 + 61) * 1000)).rejects.toBeInstanceOf(
          InvalidTokenError,
        );
        // and not issued yet on a clock further back than the skew
        await expect(verifier.verify(token, (issued - 120) * 1000)).rejects.toBeInstanceOf(InvalidTokenError);
      } finally {
        spy.mockRestore();
      }
    });

    it('never remembers a refused token: a tampered copy of a remembered one is refused', async () => {
      const verifier = new TokenVerifier({ secret: SECRET });
      const token = await signToken(SECRET, { tenant: 'firm', role: 'auditor', sub: 'u1' });
      await verifier.verify(token);
      const [header, , signature] = token.split('.');
      const forged = `${header}.${Buffer.from(
        JSON.stringify({ tenant: 'firm', role: 'admin', sub: 'u1', iat: 1, exp: 4_000_000_000 }),
      ).toString('base64url')}.${signature}`;
      await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });

  describe('lifetime and issue time', () => {
    const verifier = new TokenVerifier({ secret: SECRET });
    const now = Math.floor(Date.now() / 1000);
    const token = (role: string, iat: number | undefined, exp: number) => {
      const jwt = new SignJWT({ tenant: 'firm', role }).setProtectedHeader({ alg: 'HS256' }).setSubject('u1');
      if (iat !== undefined) jwt.setIssuedAt(iat);
      return jwt.setExpirationTime(exp).sign(new TextEncoder().encode(SECRET));
    };
    const reason = async (promise: Promise<unknown>) =>
      ((await promise.catch((e: Error) => e)) as Error).message;

    it('accepts a user token of 24 h and a service token of 30 days', async () => {
      await expect(verifier.verify(await token('admin', now, now + 24 * 3600))).resolves.toMatchObject({
        role: 'admin',
      });
      await expect(verifier.verify(await token('service', now, now + 30 * 86400))).resolves.toMatchObject({
        role: 'service',
      });
    });

    it.each([
      ['a user token living longer than 24 h', 'collaborator', now, now + 24 * 3600 + 1, /lives longer/],
      ['a service token living longer than 30 days', 'service', now, now + 30 * 86400 + 1, /lives longer/],
      ['a token issued in the future beyond the clock skew', 'admin', now + 120, now + 3600, /iat/],
      ['a token without iat', 'admin', undefined, now + 3600, /iat/],
    ])('rejects %s', async (_, role, iat, exp, message) => {
      const promise = verifier.verify(await token(role, iat, exp));
      await expect(promise).rejects.toBeInstanceOf(InvalidTokenError);
      expect(await reason(verifier.verify(await token(role, iat, exp)))).toMatch(message);
    });

    it('tolerates an issuer clock up to the skew ahead, and honours configured limits', async () => {
      await expect(verifier.verify(await token('admin', now + 30, now + 3600))).resolves.toBeDefined();
      const strict = new TokenVerifier({
        secret: SECRET,
        limits: { maxLifetimeSeconds: { user: 3600, service: 7200 }, clockSkewSeconds: 0 },
      });
      await expect(strict.verify(await token('admin', now, now + 3601))).rejects.toBeInstanceOf(
        InvalidTokenError,
      );
      await expect(strict.verify(await token('admin', now + 30, now + 3600))).rejects.toBeInstanceOf(
        InvalidTokenError,
      );
      await expect(strict.verify(await token('service', now, now + 7200))).resolves.toBeDefined();
    });
  });

  describe('JWKS (identity provider)', () => {
    let server: Server;
    let url: string;
    let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_, res) =>
        res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const issue = (claims: object, issuer = 'https://idp.example') =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('u2')
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);

    it('verifies a provider-signed token against the key set, issuer included', async () => {
      const verifier = new TokenVerifier({ jwksUrl: url, issuer: 'https://idp.example' });
      await expect(verifier.verify(await issue({ tenant: 'firm', role: 'service' }))).resolves.toEqual({
        tenant: 'firm',
        role: 'service',
        sub: 'u2',
      });
      await expect(
        verifier.verify(await issue({ tenant: 'firm', role: 'service' }, 'https://evil.example')),
      ).rejects.toBeInstanceOf(InvalidTokenError);
    });

    it('refuses HS256 tokens when a key set is configured', async () => {
      const verifier = new TokenVerifier({ jwksUrl: url });
      await expect(
        verifier.verify(await signToken(SECRET, { tenant: 'firm', role: 'admin', sub: 'u1' })),
      ).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });
});
