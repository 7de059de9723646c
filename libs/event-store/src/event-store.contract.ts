import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonObject, NewEvent, RecordedEvent } from '@dossiers/events';
import {
  AppendTooLargeError,
  type Checkpoint,
  type EventStore,
  type ExpectedRevision,
  MAX_APPEND_BYTES,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersionError,
  appendSize,
} from './event-store.port';

export type MakeEventStore = () => Promise<{ store: EventStore; cleanup: () => Promise<void> }>;

/**
 * What every EventStore adapter must do, as jest tests. Stream names are random and assertions only look
 * at the test's own streams, because an EventStoreDB server keeps the events of every previous run.
 */
export function eventStoreContract(name: string, makeStore: MakeEventStore): void {
  describe(`${name} honours the EventStore contract`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;
    const subscriptions: Subscription[] = [];

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
      await cleanup();
    });

    /** Subscribes until the end of the test; returns what the handler got of `streamId`. */
    function follow(streamId: string, options: Omit<SubscribeOptions, 'handler'>): RecordedEvent[] {
      const received: RecordedEvent[] = [];
      const handler = async (events: RecordedEvent[]) => {
        received.push(...events.filter((event) => event.streamId === streamId));
      };
      subscriptions.push(store.subscribe({ ...options, handler }));
      return received;
    }

    describe('append', () => {
      it('creates a stream with no_stream, numbering its events from revision 0', async () => {
        const stream = aStream();
        const events = someEvents(2);

        const result = await store.append(stream, events, 'no_stream');

        const stored = await store.readStream(stream);
        expect(result).toEqual({ nextRevision: 1, position: stored[1].position });
        const placed = ({ position: _p, prepare: _pr, recordedAt: _r, ...event }: RecordedEvent) => event;
        expect(stored.map(placed)).toEqual(
          events.map((event, revision) => ({ ...event, streamId: stream, revision })),
        );
      });

      it('accepts any whether or not the stream exists', async () => {
        const stream = aStream();
        await expect(store.append(stream, someEvents(1), 'any')).resolves.toMatchObject({ nextRevision: 0 });
        await expect(store.append(stream, someEvents(1), 'any')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('rejects no_stream once the stream exists, reporting its revision', async () => {
        const stream = aStream();
        await store.append(stream, someEvents(2), 'no_stream');

        const error = await rejectionOf(store.append(stream, someEvents(1), 'no_stream'));

        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1 });
      });

      it('accepts stream_exists on an existing stream and rejects it on a missing one with actual -1', async () => {
        const stream = aStream();
        const error = await rejectionOf(store.append(stream, someEvents(1), 'stream_exists'));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: -1 });

        await store.append(stream, someEvents(1), 'no_stream');
        await expect(store.append(stream, someEvents(1), 'stream_exists')).resolves.toMatchObject({
          nextRevision: 1,
        });
      });

      it("accepts a revision equal to the stream's last one and rejects any other, reporting the actual", async () => {
        const stream = aStream();
        await store.append(stream, someEvents(2), 'no_stream');

        for (const stale of [0, 2, 7]) {
          const error = await rejectionOf(store.append(stream, someEvents(1), stale));
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ expected: stale, actual: 1 });
        }
        await expect(store.append(stream, someEvents(1), 1)).resolves.toMatchObject({ nextRevision: 2 });
      });

      it('writes all the events of an append or none', async () => {
        const stream = aStream();
        const first = someEvents(2);
        await store.append(stream, first, 'no_stream');

        await expect(store.append(stream, someEvents(3), 0)).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await store.append(stream, someEvents(3), 1);

        const revisions = (await store.readStream(stream)).map((event) => event.revision);
        expect(revisions).toEqual([0, 1, 2, 3, 4]);
      });

      it('gives positions that strictly increase in the order of the appends, across streams', async () => {
        const [a, b] = [aStream(), aStream()];
        const results = [
          await store.append(a, someEvents(2), 'no_stream'),
          await store.append(b, someEvents(1), 'no_stream'),
          await store.append(a, someEvents(2), 1),
        ];
        const positions = [...(await store.readStream(a)), ...(await store.readStream(b))]
          .sort((x, y) => x.position - y.position)
          .map((event) => `${event.streamId === a ? 'a' : 'b'}${event.revision}`);

        expect(positions).toEqual(['a0', 'a1', 'b0', 'a2', 'a3']);
        expect(results[0].position).toBeLessThan(results[1].position);
        expect(results[1].position).toBeLessThan(results[2].position);
      });

      it('answers an empty append with the stream head, still checking the expected revision', async () => {
        const stream = aStream();
        const written = await store.append(stream, someEvents(2), 'no_stream');

        await expect(store.append(stream, [], 1)).resolves.toEqual(written);
        await expect(store.append(stream, [], 'no_stream')).rejects.toMatchObject({ actual: 1 });
        await expect(store.append(aStream(), [], 'no_stream')).resolves.toMatchObject({ nextRevision: -1 });
      });
    });

    describe('idempotency', () => {
      it('answers a retried append like the original, without writing or checking anything', async () => {
        const stream = aStream();
        const events = someEvents(2);
        const original = await store.append(stream, events, 'no_stream');
        await store.append(stream, someEvents(1), 1);

        await expect(store.append(stream, events, 'no_stream')).resolves.toEqual(original);

        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.id)).toEqual([...ids(events), stored[2].id]);
      });

      // The Idempotency-Key path: a command retried after its first attempt went through reads the
      // stream again and appends the same ids expecting the stream's new head.
      it.each([
        ['the new head', (head: number): ExpectedRevision => head],
        ['any', (): ExpectedRevision => 'any'],
        ['stream_exists', (): ExpectedRevision => 'stream_exists'],
      ])('answers a retry expecting %s like the original, writing nothing', async (_, expecting) => {
        const stream = aStream();
        const events = someEvents(2);
        const original = await store.append(stream, events, 'no_stream');
        const { nextRevision: head } = await store.append(stream, someEvents(30), 1);

        await expect(store.append(stream, events, expecting(head))).resolves.toEqual(original);

        expect(await store.readStream(stream)).toHaveLength(32);
      });

      it('recognises a retry of a long append, whatever its length', async () => {
        const stream = aStream();
        const events = someEvents(150);
        const original = await store.append(stream, events, 'no_stream');
        const { nextRevision: head } = await store.append(stream, someEvents(1), original.nextRevision);

        await expect(store.append(stream, events, head)).resolves.toEqual(original);

        expect(await store.readStream(stream)).toHaveLength(151);
      });

      it('writes only the new events of a partial repeat, checking them against the expected revision', async () => {
        const stream = aStream();
        const [a, b, c] = someEvents(3);
        await store.append(stream, [a, b], 'no_stream');

        const stale = await rejectionOf(store.append(stream, [b, c], 0));
        expect(stale).toBeInstanceOf(WrongExpectedVersionError);
        expect(stale).toMatchObject({ expected: 0, actual: 1 });
        const result = await store.append(stream, [b, c], 1);

        const stored = await store.readStream(stream);
        expect(ids(stored)).toEqual(ids([a, b, c]));
        expect(result).toEqual({ nextRevision: 2, position: stored[2].position });
      });

      it('writes an id repeated within one append once, as its first occurrence', async () => {
        const stream = aStream();
        const [a, b] = someEvents(2);
        const aAgain = { ...anEvent({ n: 99 }), id: a.id };

        const result = await store.append(stream, [a, aAgain, b, a], 'no_stream');

        const stored = await store.readStream(stream);
        expect(stored.map((event) => [event.id, event.data])).toEqual([
          [a.id, a.data],
          [b.id, b.data],
        ]);
        expect(result).toEqual({ nextRevision: 1, position: stored[1].position });
      });
    });

    describe('size limit', () => {
      /** One event whose appendSize is exactly `bytes`. */
      function eventOfSize(bytes: number): NewEvent {
        const event = anEvent({ padding: '' });
        return { ...event, data: { padding: 'x'.repeat(bytes - appendSize([event])) } };
      }

      it('refuses an append over MAX_APPEND_BYTES with AppendTooLargeError, writing nothing', async () => {
        const stream = aStream();
        await store.append(stream, someEvents(1), 'no_stream');
        const tooLarge = [eventOfSize(MAX_APPEND_BYTES / 2), eventOfSize(MAX_APPEND_BYTES / 2 + 1)];

        const error = await rejectionOf(store.append(stream, tooLarge, 0));

        expect(error).toBeInstanceOf(AppendTooLargeError);
        expect(error).toMatchObject({
          code: 'APPEND_TOO_LARGE',
          streamId: stream,
          bytes: MAX_APPEND_BYTES + 1,
        });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      // On EventStoreDB this needs a server whose max append size leaves room for its own framing.
      it('accepts an append of exactly MAX_APPEND_BYTES', async () => {
        const stream = aStream();
        const largest = [eventOfSize(MAX_APPEND_BYTES / 2), eventOfSize(MAX_APPEND_BYTES / 2)];

        await expect(store.append(stream, largest, 'no_stream')).resolves.toMatchObject({ nextRevision: 1 });

        expect(ids(await store.readStream(stream))).toEqual(ids(largest));
      });
    });

    describe('recordedAt', () => {
      const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

      it("is the store's instant of the append, as ISO-8601, whatever the command's occurredAt", async () => {
        const stream = aStream();
        const before = Date.now();
        await store.append(stream, someEvents(2), 'no_stream');
        const after = Date.now();

        const stored = await store.readStream(stream);
        const [fromAll] = (await store.readAll({ after: checkpointOf(stored[0]) })).filter(
          (event) => event.streamId === stream,
        );
        for (const event of [...stored, fromAll]) {
          expect(event.recordedAt).toMatch(ISO_INSTANT);
          expect(Date.parse(event.recordedAt)).toBeGreaterThanOrEqual(before);
          expect(Date.parse(event.recordedAt)).toBeLessThanOrEqual(after);
          expect(event.recordedAt).not.toBe(event.metadata.occurredAt);
        }
        expect(fromAll.recordedAt).toBe(stored[1].recordedAt);
      });

      it('never decreases along the global position, across streams and batches', async () => {
        const streams = [aStream(), aStream(), aStream()];
        await store.append(streams[0], someEvents(1), 'no_stream');
        const start = checkpointOf((await store.readStream(streams[0]))[0]);
        for (let round = 0; round < 4; round++) {
          // Several appends in one event-loop turn (one group commit in SQLite), then a pause.
          await Promise.all(streams.map((stream) => store.append(stream, someEvents(2), 'any')));
          await sleep(3);
        }

        const ours = (await store.readAll({ after: start }))
          .filter((event) => streams.includes(event.streamId))
          .sort((a, b) => a.position - b.position || (a.prepare ?? 0) - (b.prepare ?? 0));
        expect(ours).toHaveLength(24);
        const instants = ours.map((event) => Date.parse(event.recordedAt));
        expect(instants).toEqual([...instants].sort((a, b) => a - b));
        expect(instants[instants.length - 1]).toBeGreaterThan(instants[0]);
      });
    });

    describe('readStream', () => {
      let stream: string;
      const revisionsRead = async (options?: ReadStreamOptions) =>
        (await store.readStream(stream, options)).map((event) => event.revision);

      beforeEach(async () => {
        stream = aStream();
        await store.append(stream, someEvents(5), 'no_stream');
      });

      it('reads forwards and backwards, from a revision (inclusive), at most maxCount events', async () => {
        expect(await revisionsRead()).toEqual([0, 1, 2, 3, 4]);
        expect(await revisionsRead({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
        expect(await revisionsRead({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisionsRead({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
        expect(await revisionsRead({ maxCount: 2 })).toEqual([0, 1]);
        expect(await revisionsRead({ direction: 'backwards', maxCount: 2 })).toEqual([4, 3]);
        expect(await revisionsRead({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await revisionsRead({ fromRevision: 5 })).toEqual([]);
      });

      it('reads a missing stream as empty', async () => {
        await expect(store.readStream(aStream())).resolves.toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads the events strictly after a checkpoint, in position order, at most maxCount', async () => {
        const stream = aStream();
        const events = someEvents(4);
        await store.append(stream, events, 'no_stream');
        const stored = await store.readStream(stream);
        const ownIds = async (after: Checkpoint, maxCount?: number) =>
          ids((await store.readAll({ after, maxCount })).filter((event) => event.streamId === stream));

        expect(await ownIds(checkpointOf(stored[0]))).toEqual(ids(events.slice(1)));
        expect(await ownIds(checkpointOf(stored[0]), 2)).toEqual(ids(events.slice(1, 3)));
        expect(await ownIds(checkpointOf(stored[3]))).toEqual([]);
        expect(await store.readAll({ after: checkpointOf(stored[0]), maxCount: 3 })).toEqual(stored.slice(1));
      });

      it('reads from the start without a checkpoint', async () => {
        await store.append(aStream(), someEvents(3), 'no_stream');

        const first = await store.readAll({ maxCount: 2 });

        expect(first).toHaveLength(2);
        expect(first[0].position).toBeLessThan(first[1].position);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(first[1].position);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of many appends expecting the same revision through', async () => {
        const stream = aStream();
        await store.append(stream, someEvents(1), 'no_stream');
        const attempts = Array.from({ length: 10 }, () => someEvents(2));

        const outcomes = await Promise.allSettled(attempts.map((events) => store.append(stream, events, 0)));

        const winners = outcomes.flatMap((outcome, i) =>
          outcome.status === 'fulfilled' ? [attempts[i]] : [],
        );
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(9);
        for (const error of losers) {
          expect(error).toBeInstanceOf(WrongExpectedVersionError);
          expect(error).toMatchObject({ actual: 2 });
        }
        const stored = await store.readStream(stream);
        expect(ids(stored.slice(1))).toEqual(ids(winners[0]));
      });

      it('loses and doubles nothing when competing writers retry on conflict', async () => {
        const stream = aStream();
        const writers = Array.from({ length: 8 }, () => someEvents(3));

        await Promise.all(
          writers.map(async (events) => {
            for (const event of events) await appendRetryingOnConflict(store, stream, event);
          }),
        );

        const stored = await store.readStream(stream);
        expect(stored.map((event) => event.revision)).toEqual([...Array(24).keys()]);
        expect(ids(stored).sort()).toEqual(ids(writers.flat()).sort());
      });

      it('appends to different streams at once without conflict', async () => {
        const streams = Array.from({ length: 20 }, aStream);

        const results = await Promise.all(
          streams.map((stream) => store.append(stream, someEvents(1), 'no_stream')),
        );

        expect(results.every((result) => result.nextRevision === 0)).toBe(true);
        expect(new Set(results.map((result) => result.position)).size).toBe(streams.length);
      });
    });

    describe('subscribe', () => {
      /** An event to subscribe after, so the subscription does not replay the whole store. */
      async function markStart(stream: string): Promise<Checkpoint> {
        await store.append(stream, someEvents(1), 'no_stream');
        return checkpointOf((await store.readStream(stream))[0]);
      }

      it('catches up after a checkpoint, then receives live appends', async () => {
        const stream = aStream();
        const after = await markStart(stream);
        const history = someEvents(3);
        await store.append(stream, history, 0);

        const received = follow(stream, { after, batchSize: 2 });
        await waitFor(() => received.length === 3, 'the history');
        const live = someEvents(2);
        await store.append(stream, live, 3);
        await waitFor(() => received.length === 5, 'the live events');

        expect(ids(received)).toEqual(ids([...history, ...live]));
      });

      it('resumes after a stored checkpoint with no gap and no duplicate', async () => {
        const stream = aStream();
        let stored = await markStart(stream);
        const before = someEvents(4);
        await store.append(stream, before, 0);
        const first: RecordedEvent[] = [];
        const resumable = (sink: RecordedEvent[]) => async (events: RecordedEvent[]) => {
          sink.push(...events.filter((event) => event.streamId === stream));
          stored = checkpointOf(events[events.length - 1]); // saved with the work, as a projection would
        };

        const subscription = store.subscribe({ after: stored, batchSize: 1, handler: resumable(first) });
        subscriptions.push(subscription);
        await waitFor(() => first.length >= 2, 'the first events');
        await subscription.stop();
        const whileStopped = someEvents(2);
        await store.append(stream, whileStopped, 'any');
        const second: RecordedEvent[] = [];
        subscriptions.push(store.subscribe({ after: stored, handler: resumable(second) }));
        await waitFor(() => first.length + second.length === 6, 'the rest');
        await sleep(50); // a duplicate would arrive now

        expect(ids([...first, ...second])).toEqual(ids([...before, ...whileStopped]));
      });

      it('waits for the handler before handing over the next batch', async () => {
        const stream = aStream();
        const after = await markStart(stream);
        const received: RecordedEvent[] = [];
        let running = 0;
        let mostAtOnce = 0;
        const handler = async (events: RecordedEvent[]) => {
          mostAtOnce = Math.max(mostAtOnce, ++running);
          await sleep(20);
          received.push(...events.filter((event) => event.streamId === stream));
          running--;
        };
        subscriptions.push(store.subscribe({ after, batchSize: 2, handler }));
        const appended = someEvents(6);
        for (let i = 0; i < appended.length; i += 2) {
          await store.append(stream, appended.slice(i, i + 2), 'any');
          await sleep(5);
        }

        await waitFor(() => received.length === appended.length, 'every event');
        expect(mostAtOnce).toBe(1);
        expect(ids(received)).toEqual(ids(appended));
      });

      it('stops only once the running handler has finished, and calls it no more', async () => {
        const stream = aStream();
        const after = await markStart(stream);
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let calls = 0;
        let handlerFinished = false;
        const subscription = store.subscribe({
          after,
          handler: async () => {
            calls++;
            await released;
            handlerFinished = true;
          },
        });
        subscriptions.push(subscription);
        await store.append(stream, someEvents(1), 0);
        await waitFor(() => calls === 1, 'the handler to start');

        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await sleep(50);
        expect(stopped).toBe(false);
        release();
        await stopping;

        expect(handlerFinished).toBe(true);
        await store.append(stream, someEvents(1), 1);
        await sleep(200);
        expect(calls).toBe(1);
      });

      it('reports a failing handler and stops', async () => {
        const stream = aStream();
        const after = await markStart(stream);
        const failure = new Error('projection failed');
        let calls = 0;
        const errors: unknown[] = [];
        subscriptions.push(
          store.subscribe({
            after,
            handler: async () => {
              calls++;
              throw failure;
            },
            onError: (error) => errors.push(error),
          }),
        );
        await store.append(stream, someEvents(1), 0);
        await waitFor(() => errors.length === 1, 'the error');

        await store.append(stream, someEvents(1), 1);
        await sleep(200);
        expect(errors).toEqual([failure]);
        expect(calls).toBe(1);
      });
    });
  });
}

function aStream(): string {
  return `contract-${randomUUID()}`;
}

function someEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => anEvent({ n }));
}

function anEvent(data: JsonObject): NewEvent {
  return {
    id: randomUUID(),
    type: 'ContractChecked',
    schemaVersion: 2,
    data,
    metadata: {
      tenant: 'tenant-a',
      actor: 'contract-test',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2024-05-01T12:00:00.000Z',
    },
  };
}

function ids(events: { id: string }[]): string[] {
  return events.map((event) => event.id);
}

function checkpointOf(event: RecordedEvent): Checkpoint {
  return { position: event.position, prepare: event.prepare };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to be rejected');
}

/** The optimistic-concurrency loop of a command handler: on conflict, retry against the revision reported. */
async function appendRetryingOnConflict(store: EventStore, stream: string, event: NewEvent): Promise<void> {
  let expected = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0]?.revision ?? -1;
  for (;;) {
    try {
      await store.append(stream, [event], expected === -1 ? 'no_stream' : expected);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      expected = error.actual;
    }
  }
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}
