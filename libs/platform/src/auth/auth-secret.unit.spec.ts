import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAuthSecret } from './auth-secret';

describe('resolveAuthSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses AUTH_SECRET when it is set, writing nothing', () => {
    expect(resolveAuthSecret('configured-secret', join(dir, 'data'))).toBe('configured-secret');
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('generates a secret into DATA_DIR on first start, readable by its owner only, and reuses it', () => {
    const data = join(dir, 'data');
    const first = resolveAuthSecret(undefined, data);
    expect(first.length).toBeGreaterThanOrEqual(48);
    expect(statSync(join(data, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(undefined, data)).toBe(first);
    expect(readFileSync(join(data, 'auth-secret'), 'utf8')).toBe(first);
  });
});
