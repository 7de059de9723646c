import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TokenVerifier } from '@dossiers/platform';

const run = promisify(execFile);
const SECRET = 'a-secret-that-is-long-enough-for-hs256-tokens';

/** `npm run token`: says where its secret comes from, and never signs with one no server uses. */
describe('token CLI', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'token-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ['-r', '@swc-node/register', 'tools/token.cli.ts', ...args], {
      env: { PATH: process.env.PATH, ...env },
      cwd: join(__dirname, '..'),
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const who = ['--tenant', 'firm', '--role', 'admin', '--sub', 'me'];

  it('refuses to invent a secret when DATA_DIR has none and AUTH_SECRET is unset', async () => {
    const res = await cli(who, { DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/no secret to sign with/);
    expect(res.stderr).toContain(join(dataDir, 'auth-secret'));
    expect(res.stdout).toBe('');
  });

  it('signs with the secret a server generated in DATA_DIR, and says so', async () => {
    writeFileSync(join(dataDir, 'auth-secret'), SECRET);
    const res = await cli(who, { DATA_DIR: dataDir });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`signed with the secret in ${join(dataDir, 'auth-secret')}`);
    await expect(new TokenVerifier({ secret: SECRET }).verify(res.stdout.trim())).resolves.toEqual({
      tenant: 'firm',
      role: 'admin',
      sub: 'me',
    });
  });

  it('signs with AUTH_SECRET when set, and refuses a lifetime servers would refuse', async () => {
    const ok = await cli([...who, '--expires', '2h'], { DATA_DIR: dataDir, AUTH_SECRET: SECRET });
    expect([ok.code, ok.stderr]).toEqual([0, 'token: signed with AUTH_SECRET\n']);
    const long = await cli([...who, '--expires', '2d'], { DATA_DIR: dataDir, AUTH_SECRET: SECRET });
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/longer than the 86400 s/);
  });
});
