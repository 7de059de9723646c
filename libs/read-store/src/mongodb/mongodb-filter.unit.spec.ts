import { toMongoFilter } from './mongodb-filter';

/** A stand-in for the domain's text key: lower case, accents and runs of spaces folded. */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

describe('MongoDB filter translation', () => {
  it('passes the MongoDB subset through unchanged', () => {
    const filter = {
      tenant: 't',
      owner: null,
      rank: { $gte: 1, $lt: 5 },
      status: { $in: ['a', 'b'] },
      archived: { $ne: true },
    };
    expect(toMongoFilter(filter, fold)).toEqual(filter);
  });

  it('turns $contains into a regex of the needle normalised by the given function, taken literally', () => {
    const { searchText } = toMongoFilter({ searchText: { $contains: 'SOCIÉTÉ  (g' }, tenant: 't' }, fold) as {
      searchText: { $regex: string };
    };
    expect(searchText).toEqual({ $regex: 'societe \\(g' });
    expect(new RegExp(searchText.$regex).test(fold('Société (Générale)'))).toBe(true);
    expect(new RegExp(searchText.$regex).test(fold('Société Générale'))).toBe(false);
  });

  it("writes NUL as PCRE's \\x00, which the server accepts and which still matches it literally", () => {
    const { searchText } = toMongoFilter({ searchText: { $contains: 'a\u0000(b' } }, fold) as {
      searchText: { $regex: string };
    };
    expect(searchText.$regex).toBe('a\\x00\\(b');
    expect(searchText.$regex).not.toContain('\u0000');
    expect(new RegExp(searchText.$regex).test('xa\u0000(b')).toBe(true);
    expect(new RegExp(searchText.$regex).test('a(b')).toBe(false);
  });

  it('refuses a needle with a lone surrogate, as the SQLite adapter does', () => {
    expect(() => toMongoFilter({ searchText: { $contains: 'a\ud800' } }, fold)).toThrow('lone surrogate');
  });
});
