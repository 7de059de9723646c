import { checkConnectorCatalog, type ConnectorDefinition } from './connector-catalog';
import { checkConnectorValues } from './connector-settings';
import { pennylane } from '../testing/connector-fixtures';

describe('checkConnectorValues', () => {
  const definition: ConnectorDefinition = checkConnectorCatalog([pennylane])[0];
  const check = (raw: unknown, storedSecretKeys: string[] = []) =>
    checkConnectorValues(definition, raw, { field: 'connectors[1].settings', storedSecretKeys });

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
      value: {
        settings: {
          companyId: '1234',
          baseUrl: 'https://app.pennylane.com',
          syncEveryHours: 6,
          autoSync: true,
          journal: 'ventes',
          notify: 'compta@cabinet.fr',
        },
        secrets: { apiToken: 'tok' },
      },
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
      value: { settings: { companyId: '1234' }, secrets: {} },
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
