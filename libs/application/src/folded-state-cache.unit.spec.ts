import { FoldedStateCache } from './folded-state-cache';

const decider = { name: 'a decider' };
const fold = (revision: number, state: unknown = { revision }) => ({
  state,
  revision,
  position: 100 + revision,
  tenant: 'firm-a',
});

describe('FoldedStateCache', () => {
  it('keeps at most maxEntries streams, evicting the least recently used', () => {
    const cache = new FoldedStateCache({ maxEntries: 2 });
    cache.remember(decider, 's1', fold(1));
    cache.remember(decider, 's2', fold(2));
    cache.get(decider, 's1'); // s2 is now the least recently used
    cache.remember(decider, 's3', fold(3));

    expect(cache.size).toBe(2);
    expect(cache.get(decider, 's2')).toBeUndefined();
    expect(cache.get(decider, 's1')?.revision).toBe(1);
    expect(cache.get(decider, 's3')?.revision).toBe(3);
  });

  it('holds 1,000 streams by default', () => {
    const cache = new FoldedStateCache();
    for (let i = 0; i < 1_001; i++) cache.remember(decider, `s${i}`, fold(i));
    expect(cache.size).toBe(1_000);
    expect(cache.get(decider, 's0')).toBeUndefined();
    expect(cache.get(decider, 's1000')).toBeDefined();
  });

  it('keeps the later fold when an earlier one arrives after it', () => {
    const cache = new FoldedStateCache();
    cache.remember(decider, 's', fold(5));
    cache.remember(decider, 's', fold(3));
    expect(cache.get(decider, 's')?.revision).toBe(5);
    cache.remember(decider, 's', fold(6));
    expect(cache.get(decider, 's')?.revision).toBe(6);
  });

  it('keeps the folds of two deciders on one stream apart', () => {
    const cache = new FoldedStateCache();
    const other = { name: 'another decider' };
    cache.remember(decider, 's', fold(1, 'mine'));
    cache.remember(other, 's', fold(1, 'theirs'));
    expect(cache.get(decider, 's')?.state).toBe('mine');
    expect(cache.get(other, 's')?.state).toBe('theirs');
  });

  it('forgets a stream on demand', () => {
    const cache = new FoldedStateCache();
    cache.remember(decider, 's', fold(1));
    cache.forget(decider, 's');
    expect(cache.get(decider, 's')).toBeUndefined();
  });

  it('with freezeStates, makes a mutation of a cached state throw, however deep', () => {
    const cache = new FoldedStateCache({ freezeStates: true });
    const state = { name: 'Acme', attributes: { k: 1 }, fields: [{ key: 'k' }] };
    cache.remember(decider, 's', fold(1, state));

    expect(() => void (state.attributes.k = 2)).toThrow(TypeError);
    expect(() => state.fields.push({ key: 'x' })).toThrow(TypeError);
    expect(() => void (state.fields[0].key = 'y')).toThrow(TypeError);
  });

  it('refuses a bound that holds nothing', () => {
    expect(() => new FoldedStateCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
