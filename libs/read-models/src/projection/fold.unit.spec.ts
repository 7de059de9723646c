import type { RecordedEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { foldedCollections, foldProjections, NOTHING_FOLDED } from './fold';
import { defineProjection, type Projection } from './projection';

/** A tally per key: Added adds, Removed deletes the tally; derived, one document per unit counted. */
interface TallyDoc extends Document {
  count: number;
}
type TallyEvent =
  { type: 'Added'; data: { key: string; by: number } } | { type: 'Removed'; data: { key: string } };

const tally = defineProjection<TallyDoc, TallyEvent>({
  name: 'tally',
  collection: 'tallies',
  indexes: [],
  canHandle: ['Added', 'Removed'],
  documentId: (event) => event.data.key,
  evolve: (doc, event) =>
    event.type === 'Removed' ? null : { _id: event.data.key, count: (doc?.count ?? 0) + event.data.by },
  derived: {
    collections: [
      { name: 'units', indexes: [] },
      { name: 'peaks', indexes: [], retain: true },
    ],
    derive: (doc) => [
      ...Array.from({ length: doc.count }, (_, i) => ({
        collection: 'units',
        doc: { _id: `${doc._id}#${i}`, key: doc._id },
      })),
      // a log: one document per count ever reached
      { collection: 'peaks', doc: { _id: `${doc._id}@${doc.count}` } },
    ],
  },
}) as unknown as Projection;

/** Counts the removals of keys other than 'x' (whose events it skips), in one document. */
const seen = defineProjection<TallyDoc, TallyEvent>({
  name: 'seen',
  collection: 'seen',
  indexes: [],
  canHandle: ['Removed'],
  documentId: (event) => (event.data.key === 'x' ? null : 'all'),
  evolve: (doc) => ({ _id: 'all', count: (doc?.count ?? 0) + 1 }),
}) as unknown as Projection;

let position = 0;
const recorded = (type: string, data: object): RecordedEvent =>
  ({
    id: `e${++position}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { tenant: 't', actor: 'a', correlationId: 'c', causationId: null, occurredAt: '' },
    streamId: 's',
    revision: position,
    position,
    recordedAt: '2026-01-01T00:00:00.000Z',
  }) as RecordedEvent;

const docsOf = (folded: ReturnType<typeof foldProjections>, name: string) => [
  ...(folded.docs.get(name)?.values() ?? []),
];

describe('foldProjections (the engine, in memory)', () => {
  it('evolves the document each handled event names, null deleting it, and skips what it does not handle', () => {
    const folded = foldProjections(
      [tally, seen],
      [
        recorded('Added', { key: 'a', by: 2 }),
        recorded('Other', { key: 'a' }),
        recorded('Added', { key: 'b', by: 1 }),
        recorded('Added', { key: 'a', by: 1 }),
        recorded('Removed', { key: 'b' }),
        recorded('Removed', { key: 'x' }),
      ],
    );

    expect(docsOf(folded, 'tally')).toEqual([{ _id: 'a', count: 3 }]);
    expect(docsOf(folded, 'seen')).toEqual([{ _id: 'all', count: 1 }]);
  });

  it('continues from an earlier fold without changing it, as one fold of all the events would', () => {
    const events = [
      recorded('Added', { key: 'a', by: 2 }),
      recorded('Removed', { key: 'a' }),
      recorded('Added', { key: 'a', by: 5 }),
    ];
    const first = foldProjections([tally, seen], events.slice(0, 1));

    const continued = foldProjections([tally, seen], events.slice(1), first);

    expect(docsOf(first, 'tally')).toEqual([{ _id: 'a', count: 2 }]);
    expect(first.docs.has('seen')).toBe(false);
    expect(docsOf(continued, 'tally')).toEqual(docsOf(foldProjections([tally, seen], events), 'tally'));
    expect(docsOf(continued, 'seen')).toEqual([{ _id: 'all', count: 1 }]);
  });

  it('lists every collection: own, derived from what is left, and retained from every state', () => {
    const first = foldProjections(
      [tally],
      [recorded('Added', { key: 'a', by: 2 }), recorded('Added', { key: 'b', by: 1 })],
    );
    const folded = foldProjections(
      [tally],
      [recorded('Added', { key: 'a', by: 1 }), recorded('Removed', { key: 'b' })],
      first,
    );

    const collections = foldedCollections([tally, seen], folded);

    expect(collections.get('tallies')).toEqual([{ _id: 'a', count: 3 }]);
    expect(collections.get('units')!.map((d) => d._id)).toEqual(['a#0', 'a#1', 'a#2']);
    expect(collections.get('peaks')!.map((d) => d._id)).toEqual(['a@2', 'b@1', 'a@3']);
    expect(
      foldedCollections([tally], first)
        .get('peaks')!
        .map((d) => d._id),
    ).toEqual(['a@2', 'b@1']);
    expect(collections.get('seen')).toEqual([]);
    expect(foldedCollections([tally], NOTHING_FOLDED)).toEqual(
      new Map([
        ['tallies', []],
        ['units', []],
        ['peaks', []],
      ]),
    );
  });
});
