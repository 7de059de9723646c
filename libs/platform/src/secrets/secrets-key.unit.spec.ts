import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSecretsKey } from './secrets-key';

describe('resolveSecretsKey', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'secrets-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses SECRETS_KEY when it is set, writing nothing', () => {
    const configured = Buffer.alloc(32, 9);
    expect(resolveSecretsKey(configured.toString('base64'), join(dir, 'data'))).toEqual(configured);
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('generates a key into DATA_DIR on first start, readable by its owner only, and reuses it', () => {
    const data = join(dir, 'data');
    const first = resolveSecretsKey(undefined, data);
    expect(first).toHaveLength(32);
    const file = join(data, 'secrets.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toEqual(first);
    expect(resolveSecretsKey(undefined, data)).toEqual(first);
  });

  it('stops on a damaged key file rather than replacing it', () => {
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'secrets.key'), 'c2hvcnQ=');
    expect(() => resolveSecretsKey(undefined, join(dir, 'data'))).toThrow(/base64 of 32 bytes/);
    expect(readFileSync(join(dir, 'data', 'secrets.key'), 'utf8')).toBe('c2hvcnQ=');
  });
});
