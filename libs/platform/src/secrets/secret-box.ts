import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { EncryptedSecret } from '@dossiers/events';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

export const SECRET_BOX = Symbol('SECRET_BOX');

/** The key in use does not match the secret's `keyId`, or the secret was altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Encrypts the secrets kept in events (AES-256-GCM, a random 12-byte iv per secret), so that no
 * event, read model or history shows them in clear. `keyId` is a short hash of the key: a secret
 * written under another key is reported as such rather than as a vague authentication failure.
 */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new SecretBoxError(`The secrets key must be 32 bytes (got ${key.length})`);
    // A hash of a random 256-bit key reveals nothing usable about it; 16 hex characters tell keys apart.
    this.keyId = createHash('sha256')
      .update('dossiers-secret-box-key-id')
      .update(key)
      .digest('hex')
      .slice(0, 16);
  }

  encrypt(plain: string): EncryptedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return {
      keyId: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  decrypt(secret: EncryptedSecret): string {
    if (secret.keyId !== this.keyId) {
      throw new SecretBoxError(
        `This secret was encrypted under key ${secret.keyId}, but the key in use is ${this.keyId}: ` +
          'set SECRETS_KEY (or DATA_DIR/secrets.key) to the key it was written with',
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(secret.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
      const plain = Buffer.concat([decipher.update(Buffer.from(secret.data, 'base64')), decipher.final()]);
      return plain.toString('utf8');
    } catch {
      throw new SecretBoxError(`Secret under key ${secret.keyId} fails its integrity check: it was altered`);
    }
  }

  /**
   * A 32-byte key for another purpose (e.g. signing activation links), derived with HKDF so the
   * encryption key itself is never used twice and one secret at rest covers both.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `dossiers:${purpose}`, 32));
  }
}
