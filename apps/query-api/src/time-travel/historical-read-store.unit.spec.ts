import type { Document, ReadStore } from '@dossiers/read-store';
import { compareCodePoints, HistoricalReadStore, InMemoryCollection } from './historical-read-store';

const docs: Document[] = [
  { _id: 'a', clientId: 'c', n: 2, name: 'Été', key: 'b', tags: { x: 1 }, flag: true },
  { _id: 'b', clientId: 'c', n: 10, name: 'bilan', key: 'a', nested: { depth: 1 }, tags: { y: 1 } },
  { _id: 'c', clientId: 'd', n: 'x', name: null, key: 'a' },
  { _id: 'd', clientId: 'c', key: 'c' },
];
const lower = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const ids = (found: Document[]) => found.map((d) => d._id);

describe('InMemoryCollection (the read-store query language, in memory)', () => {
  const collection = new InMemoryCollection(docs, lower);

  it('reads by id and ids, missing ones left out', async () => {
    expect(await collection.findById('b')).toBe(docs[1]);
    expect(await collection.findById('z')).toBeNull();
    expect(ids(await collection.findByIds(['d', 'z', 'a', 'a']))).toEqual(['d', 'a']);
  });

  it('filters as the adapters do: null matches missing, ranges keep to their type', async () => {
    const find = async (filter: object) =>
      ids(await collection.find(filter as never, { sort: [['_id', 1]] }));
    expect(await find({ clientId: 'c' })).toEqual(['a', 'b', 'd']);
    expect(await find({ name: null })).toEqual(['c', 'd']);
    expect(await find({ name: { $ne: null } })).toEqual(['a', 'b']);
    expect(await find({ key: { $ne: 'a' } })).toEqual(['a', 'd']);
    expect(await find({ name: { $in: ['bilan', null] } })).toEqual(['b', 'c', 'd']);
    expect(await find({ n: { $gte: 2, $lt: 10 } })).toEqual(['a']);
    expect(await find({ n: { $gt: 1 } })).toEqual(['a', 'b']);
    expect(await find({ name: { $contains: 'BÍL' } })).toEqual(['b']); // the needle normalised, not the field
    expect(await find({ 'nested.depth': 1, flag: { $ne: true } })).toEqual(['b']);
    expect(await find({ flag: true })).toEqual(['a']);
    expect(await collection.count({ clientId: 'c', key: { $in: ['a', 'b'] } })).toBe(2);
    expect(await collection.distinctKeys({ clientId: 'c' }, 'tags')).toEqual(['x', 'y']);
  });

  it('sorts with missing and null first, ties by the next key, then skips and limits', async () => {
    expect(
      ids(await collection.find({}, { sort: [['name', 1]] }))
        .slice(0, 2)
        .sort(),
    ).toEqual(['c', 'd']);
    expect(
      ids(
        await collection.find(
          {},
          {
            sort: [
              ['key', 1],
              ['_id', -1],
            ],
          },
        ),
      ),
    ).toEqual(['c', 'b', 'a', 'd']);
    expect(
      ids(
        await collection.find(
          {},
          {
            sort: [
              ['key', -1],
              ['_id', 1],
            ],
            skip: 1,
            limit: 2,
          },
        ),
      ),
    ).toEqual(['a', 'b']);
    const streamed: string[] = [];
    for await (const doc of collection.stream({ clientId: 'c' }, { sort: [['n', -1]] }))
      streamed.push(doc._id);
    expect(streamed).toEqual(['b', 'a', 'd']);
  });

  it('compares strings by code point, as UTF-8 bytes sort', () => {
    const words = ['\u{1F600}', '\uFFFD', 'z', 'É', 'e'];
    expect([...words].sort(compareCodePoints)).toEqual(
      [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
  });

  it('refuses every write', async () => {
    await expect(collection.upsert()).rejects.toThrow('read-only');
    await expect(collection.deleteMany()).rejects.toThrow('read-only');
  });
});

describe('HistoricalReadStore', () => {
  it('serves the folded collections from memory and every other one live, and writes nothing', async () => {
    const liveCollection = { findById: jest.fn(async () => ({ _id: 'g', name: 'live' })) };
    const live = { collection: jest.fn(() => liveCollection), ping: jest.fn(async () => undefined) };
    const past = new HistoricalReadStore(live as unknown as ReadStore, new Map([['folders', docs]]), lower);

    expect(await past.collection('folders').findById('a')).toBe(docs[0]);
    expect(await past.collection('groups').findById('g')).toEqual({ _id: 'g', name: 'live' });
    expect(live.collection).toHaveBeenCalledWith('groups');
    expect(live.collection).not.toHaveBeenCalledWith('folders');
    await expect(past.transaction()).rejects.toThrow('read-only');
    await expect(past.drop()).rejects.toThrow('read-only');
  });
});
