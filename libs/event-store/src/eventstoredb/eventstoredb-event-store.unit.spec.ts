import { randomUUID } from 'node:crypto';
import {
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type EventStoreDBClient,
  MaxAppendSizeExceededError,
  type Position,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import type { NewEvent } from '@dossiers/events';
import { AppendTooLargeError, MAX_APPEND_BYTES, WrongExpectedVersionError } from '../event-store.port';
import { EventStoreDbEventStore, REPEAT_WINDOW } from './eventstoredb-event-store';
import { type EsdbRecordedEvent, NO_POSITION } from './eventstoredb-mapping';

/**
 * Stands in for the client's appendToStream and readStream over one stream, checking expected
 * revisions as the server does but deduplicating nothing: what the adapter does not drop is written.
 */
function fakeClient() {
  const stored: EsdbRecordedEvent[] = [];
  const appends: { ids: string[]; expected: AppendExpectedRevision }[] = [];
  const reads: { direction: unknown; maxCount: unknown }[] = [];
  let nextPosition: (position: Position) => Position | undefined = (position) => position;
  let refuseAs: Error | undefined;
  const client = {
    async appendToStream(
      streamName: string,
      events: EventData[],
      { expectedRevision }: { expectedRevision: AppendExpectedRevision },
    ): Promise<EsdbAppendResult> {
      if (refuseAs) throw refuseAs;
      const current = stored.length === 0 ? ('no_stream' as const) : BigInt(stored.length - 1);
      const accepts =
        expectedRevision === 'any' ||
        (expectedRevision === 'no_stream' && current === 'no_stream') ||
        (expectedRevision === 'stream_exists' && current !== 'no_stream') ||
        expectedRevision === current;
      if (!accepts) {
        throw new EsdbWrongExpectedVersionError(undefined, {
          streamName,
          expected: expectedRevision,
          current,
        });
      }
      appends.push({ ids: events.map((event) => event.id!), expected: expectedRevision });
      for (const event of events) {
        const commit = BigInt((stored.length + 1) * 100);
        stored.push({
          streamId: streamName,
          id: event.id!,
          type: event.type,
          revision: BigInt(stored.length),
          data: event.data,
          metadata: event.metadata,
          position: { commit, prepare: commit },
          created: new Date(0),
        });
      }
      const last = stored[stored.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: nextPosition(last.position!) };
    },
    readStream(
      _streamName: string,
      { direction, fromRevision, maxCount }: { direction: string; fromRevision: unknown; maxCount: number },
    ) {
      reads.push({ direction, maxCount });
      const from = typeof fromRevision === 'bigint' ? fromRevision : undefined;
      const ordered =
        direction === 'backwards'
          ? stored.filter((event) => from === undefined || event.revision <= from).reverse()
          : stored.filter((event) => from === undefined || event.revision >= from);
      return (async function* () {
        if (stored.length === 0) throw new StreamNotFoundError();
        for (const event of ordered.slice(0, maxCount)) yield { event };
      })();
    },
  };
  return {
    store: new EventStoreDbEventStore(client as unknown as EventStoreDBClient),
    stored,
    appends,
    reads,
    answerPositionsAs: (map: typeof nextPosition) => (nextPosition = map),
    refuseWith: (error: Error) => (refuseAs = error),
  };
}

function someEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'Checked',
    schemaVersion: 1,
    data: { n },
    metadata: { tenant: 't', actor: 'a', correlationId: 'c', causationId: null, occurredAt: '' },
  }));
}

const ids = (events: { id: string }[]) => events.map((event) => event.id);

describe('EventStoreDbEventStore.append over a server that deduplicates nothing', () => {
  it.each([
    ['the new head', 4],
    ['any', 'any'],
    ['stream_exists', 'stream_exists'],
  ] as const)('drops a retry expecting %s, answering like the original', async (_, expected) => {
    const { store, stored, appends } = fakeClient();
    const events = someEvents(2);
    const original = await store.append('s', events, 'no_stream');
    await store.append('s', someEvents(3), 1);

    await expect(store.append('s', events, expected)).resolves.toEqual(original);

    expect(stored).toHaveLength(5);
    expect(appends).toHaveLength(2);
  });

  it('sends only the new events of a partial repeat, under the expected revision given', async () => {
    const { store, stored, appends } = fakeClient();
    const [a, b, c] = someEvents(3);
    await store.append('s', [a, b], 'no_stream');

    await expect(store.append('s', [b, c], 0)).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await store.append('s', [b, c], 1);

    expect(appends[appends.length - 1]).toEqual({ ids: [c.id], expected: 1n });
    expect(ids(stored)).toEqual(ids([a, b, c]));
  });

  it('sends an id repeated within one append once, as its first occurrence', async () => {
    const { store, stored } = fakeClient();
    const [a, b] = someEvents(2);

    await store.append('s', [a, { ...b, data: { other: true } }, b, a], 'no_stream');

    expect(stored.map((event) => [event.id, event.data])).toEqual([
      [a.id, a.data],
      [b.id, { other: true }],
    ]);
  });

  it("searches the stream's last events, the append's count plus REPEAT_WINDOW, backwards", async () => {
    const { store, reads } = fakeClient();
    await store.append('s', someEvents(1), 'no_stream');
    reads.length = 0;

    await store.append('s', someEvents(3), 0);

    expect(reads).toEqual([{ direction: 'backwards', maxCount: 3 + REPEAT_WINDOW }]);
  });

  it('writes again a retry that more than REPEAT_WINDOW events have passed (the documented bound)', async () => {
    const { store, stored } = fakeClient();
    const events = someEvents(1);
    await store.append('s', events, 'no_stream');
    const { nextRevision } = await store.append('s', someEvents(REPEAT_WINDOW + 1), 0);

    await store.append('s', events, nextRevision);

    expect(stored.filter((event) => event.id === events[0].id)).toHaveLength(2);
  });

  it('reads nothing before a no_stream append: the server checks those retries itself', async () => {
    const { store, reads } = fakeClient();

    await store.append('s', someEvents(2), 'no_stream');

    expect(reads).toEqual([]);
  });

  it('refuses an append over MAX_APPEND_BYTES before sending anything', async () => {
    const { store, appends, reads } = fakeClient();
    const [event] = someEvents(1);
    const huge = { ...event, data: { padding: 'x'.repeat(MAX_APPEND_BYTES) } };

    await expect(store.append('s', [huge], 'any')).rejects.toBeInstanceOf(AppendTooLargeError);

    expect(appends).toEqual([]);
    expect(reads).toEqual([]);
  });

  it("maps the server's own max-append-size refusal to AppendTooLargeError, with its limit", async () => {
    const { store, refuseWith } = fakeClient();
    refuseWith(MaxAppendSizeExceededError.fromMaxAppendSize(1024));

    const error = await store.append('s', someEvents(1), 'no_stream').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppendTooLargeError);
    expect(error).toMatchObject({ code: 'APPEND_TOO_LARGE', streamId: 's', limit: 1024 });
  });

  it.each([
    ['zeros', { commit: 0n, prepare: 0n }],
    ['the server’s no-position', { commit: NO_POSITION, prepare: NO_POSITION }],
  ])('reads the position of the stored event when the server answers %s', async (_, answered) => {
    const { store, stored, answerPositionsAs } = fakeClient();
    answerPositionsAs(() => answered);

    const result = await store.append('s', someEvents(2), 'no_stream');

    expect(result).toEqual({ nextRevision: 1, position: Number(stored[1].position!.commit) });
  });
});

describe('EventStoreDbEventStore built from a URL', () => {
  // Builds a client, which connects on its first call only: nothing here reaches a server.
  it.each(['kurrentdb://localhost:2113?tls=false', 'kurrent+discover://cluster.internal:2113'])(
    'takes KurrentDB’s scheme %s, which the 6.x client alone refuses',
    async (url) => {
      let store: EventStoreDbEventStore | undefined;
      expect(() => (store = new EventStoreDbEventStore(url))).not.toThrow();
      await store?.close();
    },
  );
});
