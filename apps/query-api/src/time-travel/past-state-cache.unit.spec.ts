import { NOTHING_FOLDED, type PastState } from '@dossiers/read-models';
import { PastStateCache } from './past-state-cache';

const state = (revision: number): PastState => ({
  revision,
  recordedAt: revision * 10,
  docs: NOTHING_FOLDED,
});
const revisions = (cache: PastStateCache, clientId: string, upTo: number) =>
  cache.latest(clientId, (s) => s.revision <= upTo)?.revision;

describe('PastStateCache', () => {
  it('finds the latest state of the client that fits, whatever the order they came in', () => {
    const cache = new PastStateCache(10);
    for (const revision of [999, 2999, 1999]) cache.remember('a', state(revision));
    cache.remember('b', state(4999));

    expect(revisions(cache, 'a', 2500)).toBe(1999);
    expect(revisions(cache, 'a', 1_000_000)).toBe(2999);
    expect(revisions(cache, 'a', 998)).toBeUndefined();
    expect(cache.latest('a', (s) => s.recordedAt <= 20_000)?.revision).toBe(1999);
    expect(revisions(cache, 'c', 5000)).toBeUndefined();
  });

  it('evicts the least recently used state, a use refreshing it, and keeps no duplicate', () => {
    const cache = new PastStateCache(3);
    cache.remember('a', state(1));
    cache.remember('a', state(2));
    cache.remember('b', state(1));
    cache.remember('a', state(1)); // a repeat: refreshed, not added
    expect(cache.size).toBe(3);
    expect(revisions(cache, 'a', 2)).toBe(2); // used: now the most recent

    cache.remember('b', state(2));

    expect(cache.size).toBe(3);
    expect(revisions(cache, 'b', 1)).toBeUndefined(); // b@1 was the least recently used
    expect(revisions(cache, 'a', 1)).toBe(1);
    expect(revisions(cache, 'a', 2)).toBe(2);
  });

  it('keeps nothing before the first event, nor with no capacity', () => {
    const none = new PastStateCache(0);
    none.remember('a', state(5));
    const cache = new PastStateCache(5);
    cache.remember('a', state(-1));
    expect([none.size, cache.size]).toEqual([0, 0]);
  });
});
