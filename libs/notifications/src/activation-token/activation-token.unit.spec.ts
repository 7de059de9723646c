import { createHmac, randomBytes } from 'node:crypto';
import {
  activationExpiry,
  activationLink,
  ActivationTokens,
  type ActivationClaims,
} from './activation-token';
import { emailHashOf } from '../signed-token/signed-tokens';

describe('activation tokens', () => {
  const tokens = new ActivationTokens(randomBytes(32));
  const claims: ActivationClaims = {
    tenant: 'firm-a',
    contactId: 'c0ffee00-0000-4000-8000-000000000001',
    invitationId: 'c0ffee00-0000-4000-8000-000000000002',
    clientId: 'c0ffee00-0000-4000-8000-000000000003',
    emailHash: emailHashOf('zoe@example.fr', 0),
    exp: 1_900_000_000,
  };

  it('signs deterministically and verifies its own tokens', () => {
    const token = tokens.sign(claims);
    expect(tokens.sign({ ...claims })).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(token)).toEqual(claims);
  });

  it('refuses a tampered payload or signature, another key, and garbage', () => {
    const token = tokens.sign(claims);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, tenant: 'firm-b' })).toString('base64url');
    expect(tokens.verify(`${forged}.${signature}`)).toBeNull();
    // The first character carries 6 whole bits of the MAC (the last one only 4).
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(tokens.verify(`${payload}.${flipped}`)).toBeNull();
    expect(new ActivationTokens(randomBytes(32)).verify(token)).toBeNull();
    for (const bad of ['', 'abc', `${token}.x`, '.', `${payload}.`, 'x'.repeat(5000)]) {
      expect(tokens.verify(bad)).toBeNull();
    }
  });

  it('refuses a correctly signed payload that is not a claim set', () => {
    const key = randomBytes(32);
    const signed = (text: string) => {
      const payload = Buffer.from(text).toString('base64url');
      return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    };
    const ours = new ActivationTokens(key);
    expect(ours.verify(signed(JSON.stringify(claims)))).toEqual(claims);
    expect(ours.verify(signed(JSON.stringify({ ...claims, exp: 'never' })))).toBeNull();
    expect(ours.verify(signed(JSON.stringify({ ...claims, exp: 1.5 })))).toBeNull();
    expect(ours.verify(signed(JSON.stringify({ ...claims, tenant: '' })))).toBeNull();
    expect(ours.verify(signed(JSON.stringify({ ...claims, clientId: '' })))).toBeNull();
    expect(ours.verify(signed(JSON.stringify({ ...claims, clientId: 7 })))).toBeNull();
    // signed before links named their client: accepted, naming none
    const { clientId: _client, ...unnamed } = claims;
    expect(ours.verify(signed(JSON.stringify(unnamed)))).toEqual({ ...claims, clientId: null });
    // signed before links were bound to their address: not accepted
    const { emailHash: _bound, ...unbound } = claims;
    expect(ours.verify(signed(JSON.stringify(unbound)))).toBeNull();
    expect(ours.verify(signed('null'))).toBeNull();
    expect(ours.verify(signed('{not json'))).toBeNull();
  });

  it('binds a link to its address, in the form emails are compared in, without spelling it out', () => {
    expect(emailHashOf(' Zoe@Example.FR ', 0)).toBe(emailHashOf('zoe@example.fr', 0));
    expect(emailHashOf('zoe@example.fr', 0)).not.toBe(emailHashOf('zoe2@example.fr', 0));
    expect(emailHashOf('zoe@example.fr', 0)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The same address after a change and a change back is another version: an old link stays void.
    expect(emailHashOf('zoe@example.fr', 2)).not.toBe(emailHashOf('zoe@example.fr', 0));
    expect(Buffer.from(tokens.sign(claims).split('.')[0], 'base64url').toString()).not.toContain('zoe');
  });

  it('expires a fixed time after the invitation, whatever the clock when the mail is sent', () => {
    expect(activationExpiry('2026-03-01T10:00:00.000Z', 168)).toBe(
      Date.parse('2026-03-08T10:00:00.000Z') / 1000,
    );
    expect(activationExpiry('2026-03-01T10:00:00.999Z', 1)).toBe(Date.parse('2026-03-01T11:00:00Z') / 1000);
  });

  it('links to the portal page with the token', () => {
    expect(activationLink('https://portal.example.com/', 'a.b')).toBe(
      'https://portal.example.com/activate?token=a.b',
    );
  });
});
