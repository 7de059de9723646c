import { appendCapped, getIn, LIST_CHUNK, removeFrom, setIn, type BucketMap } from './chunked';

type Item = { id: string; v: number };
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

describe('BucketMap', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `id-${i}`);

  it('finds what was set, replaces by id, removes, and never changes the map it is given', () => {
    let map: BucketMap<Item> = deepFreeze({});
    map = deepFreeze(
      setIn(
        map,
        ids.map((id, v) => ({ id, v })),
      ),
    );
    const before = map;
    map = deepFreeze(setIn(map, [{ id: 'id-7', v: -7 }]));
    map = deepFreeze(removeFrom(map, ['id-8', 'id-9', 'absent']));
    expect(getIn(map, 'id-7')).toEqual({ id: 'id-7', v: -7 });
    expect(getIn(before, 'id-7')).toEqual({ id: 'id-7', v: 7 });
    expect(getIn(map, 'id-8')).toBeUndefined();
    expect(getIn(before, 'id-8')).toEqual({ id: 'id-8', v: 8 });
    expect(Object.values(map).flat()).toHaveLength(1998);
  });

  it('copies only the bucket a change touches, sharing the others', () => {
    const map = setIn(
      {},
      ids.map((id, v) => ({ id, v })),
    );
    const next = setIn(map, [{ id: 'id-1', v: 0 }]);
    const changed = Object.keys(map).filter((key) => next[key] !== map[key]);
    expect(changed).toHaveLength(1);
    expect(Object.keys(map).length).toBeGreaterThan(100);
  });

  it('hands the same map back when nothing is removed, and drops a bucket left empty', () => {
    const map = setIn({}, [{ id: 'a', v: 1 }]);
    expect(removeFrom(map, ['b'])).toBe(map);
    expect(removeFrom(map, ['a'])).toEqual({});
  });
});

describe('ChunkedList', () => {
  const upTo = (n: number, from = 1) => Array.from({ length: n - from + 1 }, (_, i) => from + i);

  it('keeps the last `cap` items, oldest first, in chunks of at most LIST_CHUNK', () => {
    let list = deepFreeze(appendCapped<number>([], upTo(130), 1000));
    for (const n of upTo(1205, 131)) list = deepFreeze(appendCapped(list, [n], 1000));
    expect(list.flat()).toEqual(upTo(1205, 206));
    expect(list.every((chunk) => chunk.length > 0 && chunk.length <= LIST_CHUNK)).toBe(true);
    expect(list.length).toBeLessThanOrEqual(1000 / LIST_CHUNK + 1);
  });

  it('evicts across chunks when many come at once', () => {
    const list = appendCapped(appendCapped([], upTo(7), 5), upTo(20, 8), 5);
    expect(list.flat()).toEqual([16, 17, 18, 19, 20]);
  });

  it('copies the last chunk and the list of chunks only', () => {
    const list = appendCapped<number>([], upTo(120), 1000);
    const next = appendCapped(list, [121], 1000);
    expect(next.slice(0, -1).every((chunk, i) => chunk === list[i])).toBe(true);
  });
});
