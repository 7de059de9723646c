import { parseArgs } from 'node:util';
import {
  authSecretFile,
  existingAuthSecret,
  loadConfig,
  ROLES,
  signToken,
  type Role,
} from '@dossiers/platform';

/**
 * npm run token -- --tenant T --role admin --sub U [--expires 12h]
 * Prints an HS256 token signed with the secret the servers use: AUTH_SECRET, or the one the
 * embedded default generated in DATA_DIR (./data unless set). Says on stderr which; refuses to
 * make up a secret no server uses, and a lifetime the servers would refuse.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      role: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const missing = (['tenant', 'role', 'sub'] as const).filter((name) => !values[name]);
  if (missing.length) throw new Error(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  if (!ROLES.includes(values.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const role = values.role as Role;
  const config = loadConfig();
  if (config.auth.jwksUrl) throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider');
  const found = existingAuthSecret(config.auth.secret, config.dataDir);
  if (!found) {
    const where = process.env.DATA_DIR
      ? `DATA_DIR=${config.dataDir}`
      : `DATA_DIR unset, so ${config.dataDir}`;
    throw new Error(
      `no secret to sign with: AUTH_SECRET is unset and ${authSecretFile(config.dataDir)} does not exist ` +
        `(${where}). Start the server once with this DATA_DIR, or pass the servers' AUTH_SECRET or DATA_DIR.`,
    );
  }
  const lifetime = secondsOf(values.expires!);
  const max = config.auth.limits.maxLifetimeSeconds[role === 'service' ? 'service' : 'user'];
  if (lifetime > max)
    throw new Error(
      `--expires ${values.expires} is longer than the ${max} s servers accept for a ${role} token`,
    );
  process.stderr.write(
    `token: signed with ${found.source === 'AUTH_SECRET' ? 'AUTH_SECRET' : `the secret in ${found.source}`}\n`,
  );
  process.stdout.write(
    `${await signToken(found.secret, { tenant: values.tenant!, role, sub: values.sub! }, `${lifetime}s`)}\n`,
  );
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** '90s', '15m', '12h', '7d' -> seconds. */
function secondsOf(text: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(text);
  if (!match || Number(match[1]) === 0) throw new Error('--expires must be like 90s, 15m, 12h or 7d');
  return Number(match[1]) * UNITS[match[2]];
}

main().catch((error) => {
  console.error(`token: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
