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
      ['an expired token', () => signToken(SECRET, { tenant: 'firm', role: 'admin', sub: 'u1' }, '-1s')],
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
