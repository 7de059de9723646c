import { parseArgs } from 'node:util';
import { loadConfig, resolveAuthSecret, ROLES, signToken, type Role } from '@dossiers/platform';

/**
 * npm run token -- --tenant T --role admin --sub U [--expires 12h]
 * Prints an HS256 token signed with AUTH_SECRET, or with the secret the embedded default keeps in DATA_DIR.
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
  const config = loadConfig();
  if (config.auth.jwksUrl) throw new Error('AUTH_JWKS_URL is set: tokens come from your identity provider');
  const secret = resolveAuthSecret(config.auth.secret, config.dataDir);
  process.stdout.write(
    `${await signToken(secret, { tenant: values.tenant!, role: values.role as Role, sub: values.sub! }, values.expires)}\n`,
  );
}

main().catch((error) => {
  console.error(`token: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
