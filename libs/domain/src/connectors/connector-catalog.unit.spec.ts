import { checkConnectorCatalog, checkConnectorSettings, type ConnectorDefinition } from './connector-catalog';

const pennylane = {
  id: 'pennylane',
  name: 'Pennylane',
  description: 'Comptabilité',
  settings: [
    { key: 'companyId', label: 'Company id', type: 'string', required: true },
    { key: 'apiToken', label: 'API token', type: 'string', required: true, secret: true },
    { key: 'baseUrl', label: 'API URL', type: 'url' },
    { key: 'syncEveryHours', label: 'Sync every (hours)', type: 'number' },
    { key: 'autoSync', label: 'Auto sync', type: 'boolean' },
    { key: 'journal', label: 'Journal', type: 'select', options: ['achats', 'ventes'] },
    { key: 'notify', label: 'Notify', type: 'email' },
  ],
};

describe('checkConnectorCatalog', () => {
  it('fills the defaults of required and secret', () => {
    const [definition] = checkConnectorCatalog([pennylane]);
    expect(definition.settings[0]).toEqual({
      key: 'companyId',
      label: 'Company id',
      type: 'string',
      required: true,
      secret: false,
    });
    expect(definition.settings[5].options).toEqual(['achats', 'ventes']);
  });

  it('names every problem in one error', () => {
    const bad = [
      pennylane,
      { ...pennylane, description: 'copy' },
      {
        id: 'Bad Id',
        name: '',
        description: 'x',
        settings: [
          { key: 'pin', label: 'PIN', type: 'number', secret: true },
          { key: 'x', label: 'X', type: 'colour' },
          { key: 'x', label: 'X again', type: 'string', extra: true },
        ],
      },
    ];
    let message = '';
    try {
      checkConnectorCatalog(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid connector catalog: /);
    expect(message).toContain('catalog[1].id duplicates "pennylane"');
    expect(message).toContain('catalog[2].id must be lower-case');
    expect(message).toContain('catalog[2].name must be 1-100 characters');
    expect(message).toContain('catalog[2].settings[0].type a secret must be of type');
    expect(message).toContain('catalog[2].settings[1].type must be one of');
    expect(message).toContain('catalog[2].settings[2].extra is not allowed');
    expect(message).toContain('catalog[2].settings[2].key duplicates "x"');
  });

  it('refuses what is not an array', () => expect(() => checkConnectorCatalog({})).toThrow(/JSON array/));
});

describe('checkConnectorSettings', () => {
  const definition: ConnectorDefinition = checkConnectorCatalog([pennylane])[0];
  const check = (raw: unknown, storedSecretKeys: string[] = []) =>
    checkConnectorSettings(definition, raw, { field: 'connectors[1].settings', storedSecretKeys });

  it('splits the secrets (clear, for the caller to encrypt) from the settings', () =>
    expect(
      check({
        companyId: ' 1234 ',
        apiToken: 'tok',
        baseUrl: 'https://app.pennylane.com',
        syncEveryHours: 6,
        autoSync: true,
        journal: 'ventes',
        notify: 'compta@cabinet.fr',
      }),
    ).toEqual({
      settings: {
        companyId: '1234',
        baseUrl: 'https://app.pennylane.com',
        syncEveryHours: 6,
        autoSync: true,
        journal: 'ventes',
        notify: 'compta@cabinet.fr',
      },
      secrets: { apiToken: 'tok' },
      errors: [],
    }));

  it('names unknown keys, wrong types and missing required settings', () =>
    expect(
      check({
        companyId: '',
        baseUrl: 'ftp://files.example.com',
        syncEveryHours: '6',
        autoSync: 'yes',
        journal: 'paie',
        notify: 'nobody',
        colour: 'blue',
      }).errors,
    ).toEqual([
      { field: 'connectors[1].settings.colour', message: 'is not a setting of Pennylane' },
      { field: 'connectors[1].settings.companyId', message: 'is required' },
      { field: 'connectors[1].settings.apiToken', message: 'is required' },
      { field: 'connectors[1].settings.baseUrl', message: 'must be an http(s) URL' },
      { field: 'connectors[1].settings.syncEveryHours', message: 'must be a number' },
      { field: 'connectors[1].settings.autoSync', message: 'must be a boolean' },
      { field: 'connectors[1].settings.journal', message: 'must be one of achats, ventes' },
      { field: 'connectors[1].settings.notify', message: 'must be an email address' },
    ]));

  it('lets a required secret already stored be omitted, keeping it out of the result', () =>
    expect(check({ companyId: '1234' }, ['apiToken'])).toEqual({
      settings: { companyId: '1234' },
      secrets: {},
      errors: [],
    }));

  it('refuses a body that is not an object, and takes no body as no settings', () => {
    expect(check([]).errors).toEqual([{ field: 'connectors[1].settings', message: 'must be an object' }]);
    expect(check(undefined).errors.map((e) => e.field)).toEqual([
      'connectors[1].settings.companyId',
      'connectors[1].settings.apiToken',
    ]);
  });
});
