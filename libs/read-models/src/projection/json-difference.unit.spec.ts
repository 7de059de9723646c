import { compareCodePoints, firstJsonDifference, truncatedJson } from './json-difference';

describe('firstJsonDifference', () => {
  it('compares JSON values, object key order ignored and an undefined field read as absent', () => {
    expect(
      firstJsonDifference({ a: 1, b: { c: [1, { d: null }] } }, { b: { c: [1, { d: null }] }, a: 1 }),
    ).toBeNull();
    expect(firstJsonDifference({ a: 1, gone: undefined }, { a: 1 })).toBeNull();
    expect(firstJsonDifference([], [])).toBeNull();
  });

  it('names the first differing path (keys in code-point order) with both values', () => {
    expect(firstJsonDifference({ z: 1, a: { b: 'x' } }, { z: 2, a: { b: 'y' } })).toEqual({
      path: 'a.b',
      expected: 'x',
      actual: 'y',
    });
    expect(firstJsonDifference({ items: [{ id: 1 }, { id: 2 }] }, { items: [{ id: 1 }, { id: 3 }] })).toEqual(
      {
        path: 'items[1].id',
        expected: 2,
        actual: 3,
      },
    );
    expect(firstJsonDifference({ a: 1 }, { a: 1, b: false })).toEqual({
      path: 'b',
      expected: undefined,
      actual: false,
    });
  });

  it('tells arrays of different lengths, types and null apart', () => {
    expect(firstJsonDifference({ l: [1, 2] }, { l: [1] })).toEqual({
      path: 'l[1]',
      expected: 2,
      actual: undefined,
    });
    expect(firstJsonDifference({ v: [] }, { v: {} })).toMatchObject({ path: 'v' });
    expect(firstJsonDifference({ v: null }, { v: {} })).toMatchObject({ path: 'v' });
    expect(firstJsonDifference({ v: '1' }, { v: 1 })).toMatchObject({ path: 'v' });
    expect(firstJsonDifference('a', 'b')).toEqual({ path: '', expected: 'a', actual: 'b' });
  });
});

describe('compareCodePoints', () => {
  it('sorts as the stores sort _id (UTF-8 bytes), not as UTF-16 units', () => {
    const ids = ['b', 'a', 'ab', '\u{1F600}', '\uFF21', 'A'];
    expect([...ids].sort(compareCodePoints)).toEqual(['A', 'a', 'ab', 'b', '\uFF21', '\u{1F600}']);
    expect(compareCodePoints('x', 'x')).toBe(0);
    // UTF-16 order puts the emoji (a surrogate pair, 0xD83D...) before U+FF21.
    expect(['\uFF21', '\u{1F600}'].sort()).toEqual(['\u{1F600}', '\uFF21']);
  });
});

describe('truncatedJson', () => {
  it('shows a value as JSON, cut short, and an absent one as such', () => {
    expect(truncatedJson('abc')).toBe('"abc"');
    expect(truncatedJson(undefined)).toBe('(absent)');
    expect(truncatedJson({ long: 'x'.repeat(200) }, 20)).toBe('{"long":"xxxxxxxxxx…');
    expect(truncatedJson({ long: 'x'.repeat(200) }, 20)).toHaveLength(20);
  });
});
