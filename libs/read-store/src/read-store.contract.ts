import { randomUUID } from 'node:crypto';
import type {
  Document,
  Filter,
  FindOptions,
  IndexSpec,
  ReadCollection,
  ReadStore,
  ReadStoreLogger,
  TextNormalizer,
} from './read-store.port';

/**
 * The text key the suite builds its stores with: case, accents and runs of spaces folded. The
 * application's is the domain's normalizeText; what the suite checks is that the adapter applies the
 * one it is given to a `$contains` needle, and only to it.
 */
const normalizeText: TextNormalizer = (text) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

/**
 * One suite for every adapter of the read-store port: the SQLite adapter must behave as MongoDB
 * does on the query subset. Each test uses fresh collections, as the MongoDB server is shared.
 */
export function readStoreContract(
  name: string,
  makeStore: (
    normalizeText: TextNormalizer,
    logger: ReadStoreLogger,
  ) => Promise<{ store: ReadStore; cleanup: () => Promise<void> }>,
) {
  describe(`${name} read store`, () => {
    let store: ReadStore;
    let cleanup: () => Promise<void>;
    let created: string[] = [];
    /** what the store reported (dropped and rebuilt indexes), since the test began */
    let warnings: string[] = [];
    const logger: ReadStoreLogger = { warn: (message) => warnings.push(message) };

    beforeAll(async () => ({ store, cleanup } = await makeStore(normalizeText, logger)));
    beforeEach(() => (warnings = []));
    afterEach(async () => {
      for (const collection of created) await store.drop(collection);
      created = [];
    });
    afterAll(() => cleanup());

    const newCollectionName = () => {
      const collection = `c_${randomUUID().replace(/-/g, '')}`;
      created.push(collection);
      return collection;
    };
    const newCollection = () => store.collection(newCollectionName());
    const seed = async (docs: Document[]) => {
      const collection = newCollection();
      for (const doc of docs) await collection.upsert(doc);
      return collection;
    };
    const ids = async (collection: ReadCollection, filter: Filter, options?: FindOptions) =>
      (await collection.find(filter, options)).map((doc) => doc._id);
    const collect = async <T>(docs: AsyncIterable<T>) => {
      const all: T[] = [];
      for await (const doc of docs) all.push(doc);
      return all;
    };
    const sortedIds = async (collection: ReadCollection, filter: Filter) =>
      (await ids(collection, filter)).sort();

    describe('documents', () => {
      it('upserts, finds by id and replaces the whole document', async () => {
        const collection = newCollection();
        await collection.upsert({ _id: 'a', name: 'first', extra: true });
        expect(await collection.findById('a')).toEqual({ _id: 'a', name: 'first', extra: true });
        await collection.upsert({ _id: 'a', name: 'second' });
        expect(await collection.findById('a')).toEqual({ _id: 'a', name: 'second' });
        expect(await collection.findById('missing')).toBeNull();
      });

      it('upserts many at once, replacing whole documents; a later duplicate wins', async () => {
        const collection = await seed([
          { _id: 'kept', n: 0 },
          { _id: 'replaced', n: 0, extra: true },
        ]);
        // More than one multi-row statement's worth, and a remainder, in a collection that exists;
        // a duplicate within the first statement's rows (d3), another in the remainder's (d7).
        const many = Array.from({ length: 150 }, (_, i) => ({ _id: `d${i}`, n: i }));
        const d3 = { _id: 'd3', n: -3 };
        await collection.upsertMany([
          { _id: 'replaced', n: 1 },
          ...many.slice(0, 40),
          d3,
          ...many.slice(40),
          { _id: 'd7', n: -7 },
        ]);
        expect(await collection.count({})).toBe(152);
        expect(await collection.findById('d3')).toEqual(d3);
        expect(await collection.findById('kept')).toEqual({ _id: 'kept', n: 0 });
        expect(await collection.findById('replaced')).toEqual({ _id: 'replaced', n: 1 });
        expect(await collection.findById('d149')).toEqual({ _id: 'd149', n: 149 });
        expect(await collection.findById('d7')).toEqual({ _id: 'd7', n: -7 });

        const fresh = newCollection(); // never written: the first write creates it
        await fresh.upsertMany([]);
        await fresh.upsertMany([{ _id: 'a', n: 1 }]);
        expect(await fresh.find({})).toEqual([{ _id: 'a', n: 1 }]);
      });

      it('finds by ids, leaving missing ones out', async () => {
        const collection = await seed([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
        const found = await collection.findByIds(['c', 'missing', 'a']);
        expect(found.map((doc) => doc._id).sort()).toEqual(['a', 'c']);
        expect(await collection.findByIds([])).toEqual([]);
      });

      it('updates top-level fields, replacing nested objects whole and keeping null', async () => {
        const collection = await seed([
          { _id: 'a', n: 1, keep: 'k', address: { city: 'Lyon', zip: '69001' } },
        ]);
        expect(await collection.update('a', { n: 2, address: { city: 'Paris' }, note: null })).toBe(true);
        expect(await collection.findById('a')).toEqual({
          _id: 'a',
          n: 2,
          keep: 'k',
          address: { city: 'Paris' },
          note: null,
        });
      });

      it('answers false when updating a missing document, and creates nothing', async () => {
        const collection = newCollection();
        expect(await collection.update('missing', { n: 1 })).toBe(false);
        expect(await collection.findById('missing')).toBeNull();
      });

      it('deletes one document, then many by filter', async () => {
        const collection = await seed([
          { _id: 'a', group: 'x' },
          { _id: 'b', group: 'x' },
          { _id: 'c', group: 'y' },
        ]);
        expect(await collection.delete('a')).toBe(true);
        expect(await collection.delete('a')).toBe(false);
        expect(await collection.deleteMany({ group: 'x' })).toBe(1);
        expect(await sortedIds(collection, {})).toEqual(['c']);
      });

      it('reads a collection that was never written as empty', async () => {
        const collection = newCollection();
        expect(await collection.find({})).toEqual([]);
        expect(await collection.count({})).toBe(0);
        expect(await collect(collection.stream({}))).toEqual([]);
        expect(await collection.deleteMany({})).toBe(0);
        expect(await collection.delete('a')).toBe(false);
      });
    });

    describe('filters', () => {
      let collection: ReadCollection;
      beforeEach(async () => {
        collection = await seed([
          { _id: 'a', status: 'open', rank: 1, archived: false, owner: null, address: { city: 'Lyon' } },
          { _id: 'b', status: 'open', rank: 5, archived: true, owner: 'ann', address: { city: 'Paris' } },
          { _id: 'c', status: 'closed', rank: 10, archived: false, owner: 'bob' },
          { _id: 'd', status: 'closed', rank: 'ten' },
        ]);
      });

      it('matches equality, bare or with $eq', async () => {
        expect(await sortedIds(collection, { status: 'open' })).toEqual(['a', 'b']);
        expect(await sortedIds(collection, { status: { $eq: 'closed' }, rank: 10 })).toEqual(['c']);
        expect(await sortedIds(collection, { _id: 'b' })).toEqual(['b']);
      });

      it('matches null to null or missing', async () => {
        expect(await sortedIds(collection, { owner: null })).toEqual(['a', 'd']);
        expect(await sortedIds(collection, { owner: { $ne: null } })).toEqual(['b', 'c']);
      });

      it('matches booleans', async () => {
        expect(await sortedIds(collection, { archived: true })).toEqual(['b']);
        expect(await sortedIds(collection, { archived: false })).toEqual(['a', 'c']);
        expect(await sortedIds(collection, { archived: { $ne: true } })).toEqual(['a', 'c', 'd']);
      });

      it('matches $ne, missing fields included', async () => {
        expect(await sortedIds(collection, { owner: { $ne: 'ann' } })).toEqual(['a', 'c', 'd']);
      });

      it('matches $in, with null standing for null or missing', async () => {
        expect(await sortedIds(collection, { owner: { $in: ['ann', 'bob'] } })).toEqual(['b', 'c']);
        expect(await sortedIds(collection, { owner: { $in: ['ann', null] } })).toEqual(['a', 'b', 'd']);
        expect(await sortedIds(collection, { rank: { $in: [1, 10] } })).toEqual(['a', 'c']);
        expect(await sortedIds(collection, { owner: { $in: [] } })).toEqual([]);
      });

      it('matches number ranges, never values of another type', async () => {
        expect(await sortedIds(collection, { rank: { $gt: 1 } })).toEqual(['b', 'c']);
        expect(await sortedIds(collection, { rank: { $gte: 5, $lte: 10 } })).toEqual(['b', 'c']);
        expect(await sortedIds(collection, { rank: { $lt: 5 } })).toEqual(['a']);
      });

      it('matches string ranges, never values of another type', async () => {
        expect(await sortedIds(collection, { rank: { $gt: 'a' } })).toEqual(['d']);
        expect(await sortedIds(collection, { status: { $lt: 'd' } })).toEqual(['c', 'd']);
        expect(await sortedIds(collection, { owner: { $gte: 'ann', $lt: 'b' } })).toEqual(['b']);
      });

      it('follows dotted paths', async () => {
        expect(await sortedIds(collection, { 'address.city': 'Paris' })).toEqual(['b']);
        expect(await sortedIds(collection, { 'address.city': null })).toEqual(['c', 'd']);
      });

      it('combines conditions on several fields', async () => {
        expect(
          await sortedIds(collection, { status: 'closed', archived: false, rank: { $gte: 10 } }),
        ).toEqual(['c']);
      });
    });

    describe('$contains', () => {
      let collection: ReadCollection;
      beforeEach(async () => {
        collection = await seed([
          { _id: 'sg', searchText: normalizeText('Société Générale') },
          { _id: 'bp', searchText: normalizeText('Banque Populaire') },
          { _id: 'odd', searchText: normalizeText('a.b (c)*') },
        ]);
      });

      it('matches a substring whatever its case and accents', async () => {
        expect(await ids(collection, { searchText: { $contains: 'societe' } })).toEqual(['sg']);
        expect(await ids(collection, { searchText: { $contains: 'SOCIÉTÉ' } })).toEqual(['sg']);
        expect(await ids(collection, { searchText: { $contains: 'té  Gén' } })).toEqual(['sg']);
        expect(await collection.count({ searchText: { $contains: 'e' } })).toBe(2);
        expect(await collection.count({ searchText: { $contains: 'crédit' } })).toBe(0);
      });

      it('takes the needle literally', async () => {
        expect(await ids(collection, { searchText: { $contains: '.b (c)*' } })).toEqual(['odd']);
        expect(await collection.count({ searchText: { $contains: 'a*' } })).toBe(0);
      });

      it('takes a needle holding NUL literally, as any other character', async () => {
        const nul = await seed([
          { _id: 'nul', searchText: 'a\u0000b' },
          { _id: 'plain', searchText: 'ab' },
        ]);
        expect(await ids(nul, { searchText: { $contains: 'a\u0000b' } })).toEqual(['nul']);
        expect(await nul.count({ searchText: { $contains: '\u0000' } })).toBe(1);
        expect(await ids(collection, { searchText: { $contains: 'soc\u0000' } })).toEqual([]);
      });

      it('refuses a needle that is not well-formed Unicode, before any query', async () => {
        // Matched on the name: the error class may come from another realm under jest.
        const refused = { name: 'InvalidFilterError', message: expect.stringContaining('lone surrogate') };
        await expect(collection.find({ searchText: { $contains: 'soci\ud800' } })).rejects.toMatchObject(
          refused,
        );
        await expect(collection.count({ searchText: { $contains: '\udfffx' } })).rejects.toMatchObject(
          refused,
        );
        expect(await ids(collection, { searchText: { $contains: 'société 😀' } })).toEqual([]);
      });

      it('normalises the needle only: the stored field is compared as the projection wrote it', async () => {
        const raw = await seed([{ _id: 'raw', searchText: 'Société Générale' }]);
        expect(await raw.count({ searchText: { $contains: 'Société' } })).toBe(0);
        expect(await raw.count({ searchText: { $contains: 'rale' } })).toBe(1);
      });
    });

    describe('sort, skip, limit, count', () => {
      let collection: ReadCollection;
      beforeEach(async () => {
        collection = await seed([
          { _id: 'a', group: 2, name: 'alice' },
          { _id: 'b', group: 1, name: 'bob' },
          { _id: 'c', group: 2, name: 'carol' },
          { _id: 'd', group: 1, name: 'dave' },
          { _id: 'e', name: 'eve' },
        ]);
      });

      it('sorts ascending and descending, breaking ties with the next key; missing sorts first', async () => {
        expect(
          await ids(
            collection,
            {},
            {
              sort: [
                ['group', 1],
                ['name', -1],
              ],
            },
          ),
        ).toEqual(['e', 'd', 'b', 'c', 'a']);
        expect(
          await ids(
            collection,
            {},
            {
              sort: [
                ['group', -1],
                ['name', 1],
              ],
            },
          ),
        ).toEqual(['a', 'c', 'b', 'd', 'e']);
      });

      it('skips and limits after sorting', async () => {
        expect(await ids(collection, {}, { sort: [['name', 1]], skip: 1, limit: 2 })).toEqual(['b', 'c']);
        expect(await ids(collection, {}, { sort: [['name', 1]], skip: 3 })).toEqual(['d', 'e']);
        expect(await ids(collection, {}, { sort: [['name', 1]], limit: 0 })).toHaveLength(5);
      });

      it('counts what a filter matches, ignoring paging', async () => {
        expect(await collection.count({})).toBe(5);
        expect(await collection.count({ group: 2 })).toBe(2);
      });
    });

    it('streams every document in sort order', async () => {
      const collection = newCollection();
      const total = 2000;
      // Inserted in a scrambled order so that storage order cannot pass for sort order.
      await Promise.all(
        Array.from({ length: total }, (_, i) =>
          collection.upsert({ _id: `d${i}`, rank: (i * 7919) % total }),
        ),
      );
      const streamed = await collect(collection.stream({}, { sort: [['rank', 1]] }));
      expect(streamed.map((doc) => doc.rank)).toEqual(Array.from({ length: total }, (_, i) => i));

      let partial = 0;
      for await (const doc of collection.stream(
        { rank: { $gte: 1000 } },
        { sort: [['rank', -1]], skip: 10, limit: 600 },
      )) {
        expect(doc.rank).toBe(total - 11 - partial++);
      }
      expect(partial).toBe(600);
    });

    it('ensures indexes idempotently, and queries keep working', async () => {
      const name = newCollectionName();
      const indexes: IndexSpec[] = [
        {
          name: 'tenant_name',
          fields: [
            ['tenant', 1],
            ['nameSort', 1],
            ['_id', 1],
          ],
        },
        { name: 'code', fields: [['code', 1]], unique: true },
      ];
      await store.ensureIndexes(name, indexes);
      await store.ensureIndexes(name, indexes);
      const collection = store.collection(name);
      await collection.upsert({ _id: 'a', tenant: 't', nameSort: 'b', code: 'x' });
      await collection.upsert({ _id: 'b', tenant: 't', nameSort: 'a', code: 'y' });
      expect(await ids(collection, { tenant: 't' }, { sort: [['nameSort', 1]], limit: 20 })).toEqual([
        'b',
        'a',
      ]);
      // Matched on the message: a driver's error class may come from another realm under jest.
      await expect(
        collection.upsert({ _id: 'c', tenant: 't', nameSort: 'c', code: 'x' }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
    });

    describe('index reconciliation', () => {
      const upsertRefused = { message: expect.stringMatching(/unique|duplicate/i) };

      it('puts a changed index in force under the same name: uniqueness moves to the new field', async () => {
        const name = newCollectionName();
        await store.ensureIndexes(name, [{ name: 'code', fields: [['code', 1]], unique: true }]);
        const collection = store.collection(name);
        await collection.upsert({ _id: 'a', code: 'x', ref: 'r1' });
        await expect(collection.upsert({ _id: 'b', code: 'x', ref: 'r2' })).rejects.toMatchObject(
          upsertRefused,
        );

        await store.ensureIndexes(name, [{ name: 'code', fields: [['ref', 1]], unique: true }]);
        await collection.upsert({ _id: 'b', code: 'x', ref: 'r2' });
        await expect(collection.upsert({ _id: 'c', code: 'y', ref: 'r1' })).rejects.toMatchObject(
          upsertRefused,
        );
        expect(await store.listIndexes(name)).toEqual([{ name: 'code', fields: [['ref', 1]], unique: true }]);
        expect(warnings).toEqual([expect.stringMatching(/code.*dropped, built again/)]);
      });

      it('rebuilds what changed in order, direction or uniqueness, keeps the rest, drops the unnamed', async () => {
        const name = newCollectionName();
        const before: IndexSpec[] = [
          { name: 'kept', fields: [['k', 1]] },
          {
            name: 'order',
            fields: [
              ['x', 1],
              ['y', 1],
            ],
          },
          { name: 'direction', fields: [['z', 1]] },
          { name: 'uniqueness', fields: [['u', 1]], unique: true },
          { name: 'gone', fields: [['g', 1]] },
        ];
        const after: IndexSpec[] = [
          { name: 'direction', fields: [['z', -1]] },
          { name: 'kept', fields: [['k', 1]] },
          {
            name: 'order',
            fields: [
              ['y', 1],
              ['x', 1],
            ],
          },
          { name: 'uniqueness', fields: [['u', 1]] },
        ];
        await store.ensureIndexes(name, before);
        await store.collection(name).upsert({ _id: 'a', u: 1 });
        expect(await store.listIndexes(name)).toEqual([...before].sort((a, b) => (a.name < b.name ? -1 : 1)));
        expect(warnings).toEqual([]);

        await store.ensureIndexes(name, after);
        expect(await store.listIndexes(name)).toEqual(after);
        await store.collection(name).upsert({ _id: 'b', u: 1 }); // no longer unique
        const reported = warnings.join('\n');
        for (const index of ['order', 'direction', 'uniqueness', 'gone']) expect(reported).toContain(index);
        expect(reported).not.toContain('kept');
        expect(warnings).toHaveLength(4);

        warnings = [];
        await store.ensureIndexes(name, after);
        expect(warnings).toEqual([]);
        await store.ensureIndexes(name, []);
        expect(await store.listIndexes(name)).toEqual([]);
        expect(await store.collection(name).count({})).toBe(2);
      });

      it('lists no index for a collection never written', async () => {
        expect(await store.listIndexes(newCollectionName())).toEqual([]);
      });
    });

    describe('replaceCollections', () => {
      const codeIndex: IndexSpec = { name: 'code', fields: [['code', 1]], unique: true };

      it('puts each collection in place of another, with the given indexes', async () => {
        const [live, fresh, otherLive, otherFresh] = [1, 2, 3, 4].map(newCollectionName);
        await store.ensureIndexes(live, [{ name: 'old', fields: [['old', 1]] }]);
        await store.collection(live).upsertMany([
          { _id: 'old1', code: 'a' },
          { _id: 'shared', v: 'old' },
        ]);
        await store.collection(fresh).upsertMany([
          { _id: 'shared', v: 'new', code: 'b' },
          { _id: 'new1', code: 'c' },
        ]);
        await store.collection(otherLive).upsert({ _id: 'o' });
        await store.collection(otherFresh).upsert({ _id: 'p' });

        await store.replaceCollections([
          { from: fresh, to: live, indexes: [codeIndex] },
          { from: otherFresh, to: otherLive, indexes: [] },
        ]);
        expect(await sortedIds(store.collection(live), {})).toEqual(['new1', 'shared']);
        expect(await store.collection(live).findById('shared')).toEqual({
          _id: 'shared',
          v: 'new',
          code: 'b',
        });
        expect(await store.listIndexes(live)).toEqual([codeIndex]);
        await expect(store.collection(live).upsert({ _id: 'x', code: 'c' })).rejects.toMatchObject({
          message: expect.stringMatching(/unique|duplicate/i),
        });
        expect(await ids(store.collection(otherLive), {})).toEqual(['p']);
        for (const moved of [fresh, otherFresh]) {
          expect(await store.collection(moved).count({})).toBe(0);
          expect(await store.listIndexes(moved)).toEqual([]);
        }
      });

      it('empties the collection replaced by one never written', async () => {
        const [live, never] = [newCollectionName(), newCollectionName()];
        await store.collection(live).upsert({ _id: 'a' });
        await store.replaceCollections([{ from: never, to: live, indexes: [codeIndex] }]);
        expect(await store.collection(live).count({})).toBe(0);
        await store.collection(live).upsert({ _id: 'b', code: 'x' });
        await expect(store.collection(live).upsert({ _id: 'c', code: 'x' })).rejects.toMatchObject({
          message: expect.stringMatching(/unique|duplicate/i),
        });
      });

      it('refuses a collection replaced twice, or replaced and moved, and moves nothing', async () => {
        const [a, b, c] = [newCollectionName(), newCollectionName(), newCollectionName()];
        for (const name of [a, b, c]) await store.collection(name).upsert({ _id: name });
        const twice = store.replaceCollections([
          { from: a, to: c, indexes: [] },
          { from: b, to: c, indexes: [] },
        ]);
        await expect(twice).rejects.toThrow('only once');
        const chained = store.replaceCollections([
          { from: a, to: b, indexes: [] },
          { from: b, to: c, indexes: [] },
        ]);
        await expect(chained).rejects.toThrow('cannot replace');
        for (const name of [a, b, c]) expect(await ids(store.collection(name), {})).toEqual([name]);
      });
    });

    it('lists the distinct keys of an object field across matching documents, sorted', async () => {
      const collection = await seed([
        { _id: 'a', tenant: 't', attributes: { siren: '1', city: 'Lyon' } },
        { _id: 'p', tenant: 't', attributes: { city: 'Paris', vat: true } },
        { _id: 'c', tenant: 't' },
        { _id: 'n', tenant: 't', attributes: null },
        // Not objects: no keys, and no error (MongoDB's $objectToArray refuses them).
        { _id: 's', tenant: 't', attributes: 'text' },
        { _id: 'i', tenant: 't', attributes: 5 },
        { _id: 'l', tenant: 't', attributes: ['x', 'y'] },
        { _id: 'b', tenant: 't', attributes: true },
        { _id: 'd', tenant: 'other', attributes: { secret: 1 } },
      ]);
      expect(await collection.distinctKeys({ tenant: 't' }, 'attributes')).toEqual(['city', 'siren', 'vat']);
      expect(await collection.distinctKeys({ tenant: 'none' }, 'attributes')).toEqual([]);
      expect(await store.collection(newCollectionName()).distinctKeys({}, 'attributes')).toEqual([]);
    });

    describe('transactions', () => {
      it('commits every write together and returns what the work returns', async () => {
        const [first, second] = [newCollectionName(), newCollectionName()];
        await store.collection(first).upsert({ _id: 'gone', n: 0 });
        const result = await store.transaction(async (tx) => {
          await tx.collection(first).upsert({ _id: 'a', n: 1 });
          await tx.collection(first).delete('gone');
          await tx.collection(second).upsert({ _id: 'b', n: 2 });
          expect(await tx.collection(first).findById('a')).toEqual({ _id: 'a', n: 1 });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await sortedIds(store.collection(first), {})).toEqual(['a']);
        expect(await store.collection(second).findById('b')).toEqual({ _id: 'b', n: 2 });
      });

      it('leaves nothing behind when the work throws', async () => {
        const collection = newCollectionName();
        await store.collection(collection).upsert({ _id: 'a', n: 1 });
        const failing = store.transaction(async (tx) => {
          await tx.collection(collection).update('a', { n: 2 });
          await tx.collection(collection).upsert({ _id: 'b', n: 1 });
          throw new Error('projection failed');
        });
        await expect(failing).rejects.toThrow('projection failed');
        expect(await store.collection(collection).find({})).toEqual([{ _id: 'a', n: 1 }]);
      });

      it('keeps its uncommitted writes from reads made outside it', async () => {
        const collection = newCollectionName();
        await store.collection(collection).upsert({ _id: 'seen', n: 0 });
        await store.transaction(async (tx) => {
          await tx.collection(collection).upsert({ _id: 'a', n: 1 });
          expect(await store.collection(collection).findById('a')).toBeNull();
          expect(await store.collection(collection).count({})).toBe(1);
        });
        expect(await store.collection(collection).findById('a')).toEqual({ _id: 'a', n: 1 });
      });
    });

    it('drops a collection with its documents, and a missing one quietly', async () => {
      const collection = newCollectionName();
      await store.collection(collection).upsert({ _id: 'a' });
      expect(await store.collection(collection).count({})).toBe(1);
      await store.drop(collection);
      expect(await store.collection(collection).count({})).toBe(0);
      await store.collection(collection).upsert({ _id: 'b' });
      expect(await ids(store.collection(collection), {})).toEqual(['b']);
      await expect(store.drop(newCollectionName())).resolves.toBeUndefined();
    });

    it('answers a readiness ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
