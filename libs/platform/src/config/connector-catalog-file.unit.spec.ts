import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('the connector catalog, as the configuration loads', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'catalog-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('offers the default catalog when no file is set, each connector with its secrets marked', () => {
    const { connectorCatalog } = loadConfig({});
    expect(connectorCatalog.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'pennylane',
        'acd',
        'inqom',
        'myunisoft',
        'yooz',
        'google-drive',
        'dropbox',
        'onedrive',
      ]),
    );
    const pennylane = connectorCatalog.find((c) => c.id === 'pennylane')!;
    expect(pennylane.settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'companyId', type: 'string', required: true, secret: false }),
        expect.objectContaining({ key: 'apiToken', required: true, secret: true }),
      ]),
    );
    for (const connector of connectorCatalog) expect(connector.settings.some((s) => s.secret)).toBe(true);
  });

  it('replaces the default with a valid file', () => {
    const path = file(
      'valid.json',
      JSON.stringify([
        {
          id: 'cabinet-ged',
          name: 'GED du cabinet',
          description: 'La GED interne',
          settings: [{ key: 'token', label: 'Jeton', type: 'string', required: true, secret: true }],
        },
      ]),
    );
    expect(loadConfig({ CONNECTOR_CATALOG_FILE: path }).connectorCatalog).toEqual([
      {
        id: 'cabinet-ged',
        name: 'GED du cabinet',
        description: 'La GED interne',
        settings: [{ key: 'token', label: 'Jeton', type: 'string', required: true, secret: true }],
      },
    ]);
  });

  it('refuses to start on an invalid definition, naming the file and the problem', () => {
    const path = file(
      'invalid.json',
      JSON.stringify([
        { id: 'x', name: 'X', description: '', settings: [{ key: 'k', label: 'K', type: 'colour' }] },
      ]),
    );
    expect(problemsOf({ CONNECTOR_CATALOG_FILE: path })).toEqual([
      expect.stringMatching(
        /^CONNECTOR_CATALOG_FILE ".*invalid\.json": .*catalog\[0\]\.settings\[0\]\.type must be one of/,
      ),
    ]);
  });

  it('refuses a file that is not JSON, or missing', () => {
    expect(problemsOf({ CONNECTOR_CATALOG_FILE: file('broken.json', '[{') })).toEqual([
      expect.stringMatching(/^CONNECTOR_CATALOG_FILE ".*broken\.json": is not valid JSON/),
    ]);
    expect(problemsOf({ CONNECTOR_CATALOG_FILE: join(dir, 'missing.json') })).toEqual([
      expect.stringMatching(/missing\.json": cannot be read \(ENOENT\)/),
    ]);
  });
});
