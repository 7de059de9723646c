import { checkClientName, clientNameKey } from './client-name';

const refusal = (raw: unknown) =>
  checkClientName(raw)
    .errors.map((e) => `${e.field} ${e.message}`)
    .join('; ');

describe('client name', () => {
  it('is trimmed', () => expect(checkClientName('  Acme  ')).toEqual({ value: 'Acme', errors: [] }));
  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['x'.repeat(201), 'at most 200'],
    ['a\u0007b', 'control'],
    [42, 'string'],
  ])('rejects %j', (raw, message) => {
    expect(checkClientName(raw).value).toBeUndefined();
    expect(refusal(raw)).toMatch(new RegExp(`^name .*${message}`));
  });
  it('names the field it is given', () =>
    expect(checkClientName('', 'info.name').errors).toEqual([
      { field: 'info.name', message: 'must not be empty' },
    ]));
  it('accepts 200 characters', () => expect(checkClientName('x'.repeat(200)).value).toHaveLength(200));
  it.each(['\u0301', '\u0300\u0300', '\u200b', ' - . '])('rejects %j, which has no letter or digit', (raw) =>
    expect(refusal(raw)).toMatch(/letter or digit|visible character/),
  );
  it('counts a decomposed accent once, and stores the composed form', () => {
    const decomposed = 'e\u0301'.repeat(150);
    expect(checkClientName(decomposed).value).toBe('\u00e9'.repeat(150));
  });
  it('has one key for case, accent and spacing variants', () =>
    expect(clientNameKey('Société   Générale')).toBe(clientNameKey('SOCIETE GENERALE')));
});
