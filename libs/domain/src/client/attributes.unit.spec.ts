import { checkAttributes, isDateAttribute } from './attributes';

const onCreation = { allowRemoval: false };

describe('attributes', () => {
  it('accepts strings, numbers, booleans and dates', () =>
    expect(checkAttributes({ a: 'x', b: 2, c: true, d: '2024-02-29' }, onCreation).value?.set).toEqual({
      a: 'x',
      b: 2,
      c: true,
      d: '2024-02-29',
    }));
  it('reads null as removal in a patch only', () => {
    expect(checkAttributes({ a: null }, { allowRemoval: true }).value).toEqual({ set: {}, removed: ['a'] });
    expect(checkAttributes({ a: null }, onCreation).errors).toHaveLength(1);
  });
  it('names every bad field', () =>
    expect(
      checkAttributes(
        { ok: 1, bad: { nested: 1 }, worse: [1], ' padded': 1, nan: Number.NaN },
        onCreation,
      ).errors.map((e) => e.field),
    ).toEqual(['attributes.bad', 'attributes.worse', 'attributes. padded', 'attributes.nan']));
  it.each(['a\u0007b', 'a\u0085b', 'invoice\u202efdp', 'a\ud800b'])(
    'refuses the key %j under the text policy',
    (key) =>
      expect(checkAttributes({ [key]: 1 }, onCreation).errors).toEqual([
        { field: `attributes.${key}`, message: expect.stringMatching(/^key must /) },
      ]),
  );
  it.each(['2024-13-45', '2023-02-29', '2024-02-30', '2024-04-31T10:00:00Z'])(
    'rejects the impossible date %s',
    (date) => expect(checkAttributes({ d: date }, onCreation).errors[0].message).toMatch(/valid date/),
  );
  it('tells dates from other strings', () => {
    expect(isDateAttribute('2024-01-31')).toBe(true);
    expect(isDateAttribute('2024-01-31T10:00:00Z')).toBe(true);
    expect(isDateAttribute('31/01/2024')).toBe(false);
    expect(isDateAttribute(20240131)).toBe(false);
  });
});
