import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HS256 secret: AUTH_SECRET when set; otherwise one generated into DATA_DIR on first start
 * and reused after, so the embedded default needs no setup and its tokens survive restarts.
 */
export function resolveAuthSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = authSecretFile(dataDir);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      // 'wx': if two processes start at once, the first file written wins and both read it.
      writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    } catch {
      /* written meanwhile by another process */
    }
    return readFileSync(file, 'utf8').trim();
  }
}

export const authSecretFile = (dataDir: string) => join(dataDir, 'auth-secret');

/**
 * The secret servers use, without creating one (the token CLI): AUTH_SECRET, or the file a server
 * generated in DATA_DIR; null when neither exists, since a new secret would sign tokens no server
 * accepts.
 */
export function existingAuthSecret(
  configured: string | undefined,
  dataDir: string,
): { secret: string; source: string } | null {
  if (configured) return { secret: configured, source: 'AUTH_SECRET' };
  const file = authSecretFile(dataDir);
  try {
    return { secret: readFileSync(file, 'utf8').trim(), source: file };
  } catch {
    return null;
  }
}
