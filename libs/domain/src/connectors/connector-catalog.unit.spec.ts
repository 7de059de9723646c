import { pennylane } from '../testing/connector-fixtures';
import { checkConnectorCatalog } from './connector-catalog';

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
