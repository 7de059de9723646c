import { normalizeText } from '../normalize-text';
import { toMongoFilter } from './mongodb-filter';

describe('MongoDB filter translation', () => {
  it('passes the MongoDB subset through unchanged', () => {
    const filter = {
      tenant: 't',
      owner: null,
      rank: { $gte: 1, $lt: 5 },
      status: { $in: ['a', 'b'] },
      archived: { $ne: true },
    };
    expect(toMongoFilter(filter)).toEqual(filter);
  });

  it('turns $contains into a regex of the normalised needle, taken literally', () => {
    const { searchText } = toMongoFilter({ searchText: { $contains: 'SOCIÉTÉ  (g' }, tenant: 't' }) as {
      searchText: { $regex: string };
    };
    expect(searchText).toEqual({ $regex: 'societe \\(g' });
    expect(new RegExp(searchText.$regex).test(normalizeText('Société (Générale)'))).toBe(true);
    expect(new RegExp(searchText.$regex).test(normalizeText('Société Générale'))).toBe(false);
  });
});
