import { randomBytes } from 'node:crypto';
import { SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips a secret, with a fresh iv each time and nothing in clear', () => {
    const first = box.encrypt('s3cret-pässword');
    const second = box.encrypt('s3cret-pässword');
    expect(box.decrypt(first)).toBe('s3cret-pässword');
    expect(first.iv).not.toBe(second.iv);
    expect(first.data).not.toBe(second.data);
    expect(Buffer.from(first.iv, 'base64')).toHaveLength(12);
    expect(JSON.stringify(first)).not.toContain('s3cret');
    expect(first.keyId).toBe(box.keyId);
  });

  it('detects a tampered ciphertext or tag', () => {
    const secret = box.encrypt('launch codes');
    const data = Buffer.from(secret.data, 'base64');
    data[0] ^= 1;
    expect(() => box.decrypt({ ...secret, data: data.toString('base64') })).toThrow(/altered/);
    const tag = Buffer.from(secret.tag, 'base64');
    tag[3] ^= 1;
    expect(() => box.decrypt({ ...secret, tag: tag.toString('base64') })).toThrow(SecretBoxError);
  });

  it('names a secret written under another key', () => {
    const other = new SecretBox(randomBytes(32));
    const secret = other.encrypt('x');
    expect(other.keyId).not.toBe(box.keyId);
    expect(() => box.decrypt(secret)).toThrow(`encrypted under key ${other.keyId}`);
  });

  it('derives distinct, stable keys per purpose', () => {
    const key = randomBytes(32);
    expect(new SecretBox(key).deriveKey('a')).toEqual(new SecretBox(key).deriveKey('a'));
    expect(new SecretBox(key).deriveKey('a')).not.toEqual(new SecretBox(key).deriveKey('b'));
    expect(new SecretBox(key).deriveKey('a')).not.toEqual(key);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
