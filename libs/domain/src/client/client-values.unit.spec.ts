import { ValidationError } from '../shared/domain-errors';
import { isDateAttribute, parseAttributes } from './attributes';
import { clientNameKey, parseClientName } from './client-name';

describe('client name', () => {
  it('is trimmed', () => expect(parseClientName('  Acme  ')).toBe('Acme'));
  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['x'.repeat(201), 'at most 200'],
    ['a\u0007b', 'control'],
    [42, 'string'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseClientName(raw)).toThrow(ValidationError);
    expect(() => parseClientName(raw)).toThrow(new RegExp(message as string));
  });
  it('accepts 200 characters', () => expect(parseClientName('x'.repeat(200))).toHaveLength(200));
  it.each(['\u0301', '\u0300\u0300', '\u200b', ' - . '])('rejects %j, which has no letter or digit', (raw) =>
    expect(() => parseClientName(raw)).toThrow(/letter or digit/),
  );
  it('counts a decomposed accent once, and stores the composed form', () => {
    const decomposed = 'e\u0301'.repeat(150);
    expect(parseClientName(decomposed)).toBe('\u00e9'.repeat(150));
  });
  it('has one key for case, accent and spacing variants', () =>
    expect(clientNameKey('Société   Générale')).toBe(clientNameKey('SOCIETE GENERALE')));
});

describe('attributes', () => {
  it('accepts strings, numbers, booleans and dates', () =>
    expect(parseAttributes({ a: 'x', b: 2, c: true, d: '2024-02-29' }, { allowRemoval: false }).set).toEqual({
      a: 'x',
      b: 2,
      c: true,
      d: '2024-02-29',
    }));
  it('reads null as removal in a patch only', () => {
    expect(parseAttributes({ a: null }, { allowRemoval: true })).toEqual({ set: {}, removed: ['a'] });
    expect(() => parseAttributes({ a: null }, { allowRemoval: false })).toThrow(ValidationError);
  });
  it('names every bad field', () => {
    try {
      parseAttributes(
        { ok: 1, bad: { nested: 1 }, worse: [1], ' padded': 1, nan: Number.NaN },
        { allowRemoval: false },
      );
      throw new Error('should have thrown');
    } catch (error) {
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual([
        'attributes.bad',
        'attributes.worse',
        'attributes. padded',
        'attributes.nan',
      ]);
    }
  });
  it.each(['2024-13-45', '2023-02-29', '2024-02-30', '2024-04-31T10:00:00Z'])(
    'rejects the impossible date %s',
    (date) => expect(() => parseAttributes({ d: date }, { allowRemoval: false })).toThrow(/valid date/),
  );
  it('tells dates from other strings', () => {
    expect(isDateAttribute('2024-01-31')).toBe(true);
    expect(isDateAttribute('2024-01-31T10:00:00Z')).toBe(true);
    expect(isDateAttribute('31/01/2024')).toBe(false);
    expect(isDateAttribute(20240131)).toBe(false);
  });
});
