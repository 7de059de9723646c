import { mapBounded } from '../bounded-concurrency';
import type { ReadCollection } from '@dossiers/read-store';
import { byClient, duePages, interleavedByClient, type DueDoc } from './due-work';

const doc = (clientId: string, n: number, tenant = 'firm-a'): DueDoc => ({
  _id: `${clientId}/${n}`,
  tenant,
  dueAt: '2027-01-01T09:00:00.000Z',
  clientId,
});
const ids = (docs: DueDoc[]) => docs.map((d) => d._id);

describe('due work, grouped by the client it writes to', () => {
  const docs = [doc('a', 1), doc('a', 2), doc('a', 3), doc('b', 1), doc('c', 1), doc('c', 2)];

  it('groups each client in the order given, a client of another firm apart', () => {
    expect(byClient([...docs, doc('a', 9, 'firm-b')]).map(ids)).toEqual([
      ['a/1', 'a/2', 'a/3'],
      ['b/1'],
      ['c/1', 'c/2'],
      ['a/9'],
    ]);
  });

  it('interleaves clients so that consecutive documents are on different ones where possible', () => {
    expect(ids(interleavedByClient(docs))).toEqual(['a/1', 'b/1', 'c/1', 'a/2', 'c/2', 'a/3']);
  });
});

describe('duePages', () => {
  // 3 instants of 6, 5 and 4 documents: pages of 2 end inside an instant and at its end.
  const at = (h: number) => `2027-01-01T0${h}:00:00.000Z`;
  const docs: DueDoc[] = [1, 2, 3].flatMap((h) =>
    Array.from({ length: 7 - h }, (_, i) => ({ ...doc(`c${i}`, h), dueAt: at(h) })),
  );
  type Condition = string | { $gt?: string; $lte?: string };
  const holds = (value: string, c: Condition) =>
    typeof c === 'string'
      ? value === c
      : (c.$gt === undefined || value > c.$gt) && (c.$lte === undefined || value <= c.$lte);
  const collection = {
    find: (filter: Record<string, Condition>, { limit = Infinity } = {}) =>
      Promise.resolve(
        docs
          .filter((d) => Object.entries(filter).every(([field, c]) => holds(String(d[field]), c)))
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a._id.localeCompare(b._id))
          .slice(0, limit),
      ),
  } as unknown as ReadCollection<DueDoc>;
  const read = async (until: string, size: number) => {
    const pages: string[][] = [];
    for await (const page of duePages(collection, until, size)) pages.push(ids(page));
    return pages;
  };

  it('reads every document due by the instant once, in order, a page at a time', async () => {
    const pages = await read(at(2), 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 2, 1]);
    expect(pages.flat()).toEqual(
      ids(docs.slice(0, 11).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a._id.localeCompare(b._id))),
    );
    expect((await read(at(3), 4)).flat()).toHaveLength(15);
    expect(await read('2026-12-31T00:00:00.000Z', 4)).toEqual([]);
  });
});

describe('mapBounded', () => {
  it('runs at most `limit` at once and answers in the order given', async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([5, 1, 4, 2, 3], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
