import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key of the SecretBox: SECRETS_KEY (base64 of 32 bytes, checked by loadConfig) when set;
 * otherwise one generated into DATA_DIR/secrets.key on first start and reused after, like the
 * auth secret, so the embedded default needs no setup. Losing that file makes every secret
 * written under it unreadable: back it up with the event store.
 */
export function resolveSecretsKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  const file = join(dataDir, 'secrets.key');
  try {
    return decode(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx': if two processes start at once, the first file written wins and both read it.
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch {
      /* written meanwhile by another process */
    }
    return decode(readFileSync(file, 'utf8'), file);
  }
}

function decode(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  // A damaged key file must stop the start, never be replaced: a new key would shred every secret.
  if (key.length !== 32) throw new Error(`${file} must hold the base64 of 32 bytes`);
  return key;
}
