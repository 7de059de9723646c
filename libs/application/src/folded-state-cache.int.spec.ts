import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  clientDecider,
  clientStreamId,
  DomainError,
  NotFoundError,
  type ClientCommand,
  type ClientState,
} from '@dossiers/domain';
import {
  SqliteEventStore,
  WrongExpectedVersionError,
  type EventStore,
  type ReadStreamOptions,
} from '@dossiers/event-store';
import type { ClientEvent, DomainEvent, NewEvent, RecordedEvent } from '@dossiers/events';
import { EventStreams, toNewEvents, type Prepare } from './event-streams';
import { testCommandContext } from './testing/test-command-context';
import { FoldedStateCache } from './folded-state-cache';

const context = testCommandContext;

/** Counts the events of a stream: folding one twice, or skipping one, shows in the count. */
const eventCounter = { initialState: () => 0, evolve: (count: number, _event: DomainEvent) => count + 1 };

describe('EventStreams with a cache of folded states', () => {
  let dir: string;
  let store: SqliteEventStore;
  const stores: SqliteEventStore[] = [];

  const openStore = (name: string) => {
    const opened = new SqliteEventStore({ filename: join(dir, `${name}.db`), synchronous: 'NORMAL' });
    stores.push(opened);
    return opened;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folded-states-'));
    store = openStore('events');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const notFound = (clientId: string) => () => new NotFoundError('client', clientId);
  const run = (
    clientId: string,
    command: ClientCommand,
    cache: FoldedStateCache | null,
    ctx = context(),
    on: EventStore = store,
    prepare?: Prepare<ClientState, unknown>,
  ) =>
    new EventStreams(on, cache).handle(
      clientDecider,
      clientStreamId(clientId),
      command,
      ctx,
      notFound(clientId),
      { prepare },
    );
  const load = (
    clientId: string,
    cache: FoldedStateCache | null,
    tenant = 'firm-a',
    on: EventStore = store,
  ) => new EventStreams(on, cache).load(clientDecider, clientStreamId(clientId), tenant, notFound(clientId));
  const setAttribute = (clientId: string, key: string, value: number): ClientCommand => ({
    type: 'UpdateClient',
    clientId,
    attributes: { set: { [key]: value }, removed: [] },
  });

  /** A client stream of 1 + `changes` events, written directly. */
  async function aClient(changes = 0, on: EventStore = store): Promise<string> {
    const id = randomUUID();
    const events: ClientEvent[] = [
      { type: 'ClientCreated', data: { clientId: id, name: `Client ${id}`, groupId: null, attributes: {} } },
      ...Array.from({ length: changes }, (_, i): ClientEvent => ({
        type: 'ClientAttributesChanged',
        data: { clientId: id, set: { [`k${i}`]: i }, removed: [] },
      })),
    ];
    await on.append(clientStreamId(id), toNewEvents(clientStreamId(id), events, context()), 'no_stream');
    return id;
  }

  /** Records each readStream call of `on`: its options and how many events it returned. */
  function spyOnReads(on: EventStore = store) {
    const reads: { options: ReadStreamOptions | undefined; returned: number }[] = [];
    const original = on.readStream.bind(on);
    jest.spyOn(on, 'readStream').mockImplementation(async (streamId, options) => {
      const events = await original(streamId, options);
      reads.push({ options, returned: events.length });
      return events;
    });
    return reads;
  }

  it('reads and folds only the events after the cached revision on the next command', async () => {
    const id = await aClient(50); // revisions 0..50
    const cache = new FoldedStateCache();
    const reads = spyOnReads();

    await run(id, setAttribute(id, 'first', 1), cache); // reads all 51, appends revision 51
    const second = await run(id, setAttribute(id, 'second', 2), cache);

    expect(reads).toEqual([
      { options: undefined, returned: 51 },
      { options: { fromRevision: 51 }, returned: 1 },
    ]);
    expect(second.revision).toBe(52);
    const cached = await load(id, cache);
    const uncached = await load(id, null);
    expect(cached).toEqual(uncached);
    expect(cached.state).toMatchObject({ attributes: { k49: 49, first: 1, second: 2 } });
  });

  it('folds through the cache it was built with, and keeps nothing when built without one', async () => {
    const id = await aClient(3);
    const cache = new FoldedStateCache();
    const cached = new EventStreams(store, cache);
    const uncached = new EventStreams(store);

    await cached.load(clientDecider, clientStreamId(id), 'firm-a', notFound(id));
    expect(cache.get(clientDecider, clientStreamId(id))?.revision).toBe(3);
    cache.clear();
    await uncached.load(clientDecider, clientStreamId(id), 'firm-a', notFound(id));
    expect(cache.size).toBe(0); // another EventStreams, another cache (none)

    const reads = spyOnReads();
    await uncached.load(clientDecider, clientStreamId(id), 'firm-a', notFound(id));
    expect(reads).toEqual([{ options: undefined, returned: 4 }]);
  });

  it('answers a cached stream of another tenant as not found, without reading it', async () => {
    const id = await aClient(2);
    const cache = new FoldedStateCache();
    await load(id, cache);
    const reads = spyOnReads();

    await expect(load(id, cache, 'firm-b')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      run(id, { type: 'DeleteClient', clientId: id }, cache, context({ tenant: 'firm-b' })),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(reads).toEqual([]);
    expect(await store.readStream(clientStreamId(id))).toHaveLength(3);
  });

  it('reads in full again a stream evicted by newer ones', async () => {
    const [a, b, c] = [await aClient(1), await aClient(1), await aClient(1)];
    const cache = new FoldedStateCache({ maxEntries: 2 });
    for (const id of [a, b, c]) await load(id, cache);
    const reads = spyOnReads();

    await load(a, cache); // evicted by c: read from the start
    await load(a, cache); // cached again
    expect(cache.size).toBe(2);
    expect(reads.map((r) => r.options)).toEqual([undefined, { fromRevision: 2 }]);
  });

  it('never changes a cached state by a later fold', async () => {
    const id = await aClient(2);
    const cache = new FoldedStateCache({ freezeStates: true });
    const before = (await load(id, cache)).state;
    const copy = structuredClone(before);

    await run(
      id,
      {
        type: 'UpdateClient',
        clientId: id,
        name: 'Renamed',
        attributes: { set: { k0: 7 }, removed: ['k1'] },
      },
      cache,
    );
    await run(id, setAttribute(id, 'k9', 9), cache);
    await run(id, { type: 'DeleteClient', clientId: id }, cache);

    expect(before).toEqual(copy);
    expect((await load(id, cache)).state).toEqual((await load(id, null)).state);
  });

  it('with freezeStates, makes a decider that mutates its state fail loudly', async () => {
    const id = await aClient(1);
    const mutating = {
      initialState: () => ({ count: 0 }),
      evolve: (state: { count: number }) => {
        state.count += 1;
        return state;
      },
    };
    const cache = new FoldedStateCache({ freezeStates: true });
    const streams = new EventStreams(store, cache);
    await streams.load(mutating, clientStreamId(id), 'firm-a', notFound(id));
    await run(id, setAttribute(id, 'k', 1), null);

    await expect(streams.load(mutating, clientStreamId(id), 'firm-a', notFound(id))).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('does not fold an event twice when a store ignores fromRevision', async () => {
    const id = await aClient(4);
    const sloppy: EventStore = Object.create(store, {
      readStream: { value: (streamId: string) => store.readStream(streamId) },
    });
    const streams = new EventStreams(sloppy, new FoldedStateCache());
    const count = () => streams.load(eventCounter, clientStreamId(id), 'firm-a', notFound(id));

    expect((await count()).state).toBe(5);
    await run(id, setAttribute(id, 'k', 1), null);
    expect((await count()).state).toBe(6);
    expect((await count()).state).toBe(6);
  });

  it('recovers on the next append from a cache that is ahead of the stream (a store reset under it)', async () => {
    const id = await aClient(4);
    const cache = new FoldedStateCache();
    await load(id, cache); // revision 4
    const reset = openStore(`reset-${id}`);
    const shorter = (await store.readStream(clientStreamId(id))).slice(0, 2).map(copyOf);
    await reset.append(clientStreamId(id), shorter, 'no_stream'); // revisions 0..1

    const result = await run(id, setAttribute(id, 'after-reset', 1), cache, context(), reset);

    expect(result.revision).toBe(2);
    const fresh = await load(id, null, 'firm-a', reset);
    expect(fresh.state).toMatchObject({ attributes: { k0: 0, 'after-reset': 1 } });
    expect(fresh.state).not.toMatchObject({ attributes: { k3: 3 } });
    expect(await load(id, cache, 'firm-a', reset)).toEqual(fresh);
  });

  describe.each([
    ['sharing one cache', () => [new FoldedStateCache(), 'same'] as const],
    ['with a cache each', () => [new FoldedStateCache(), 'separate'] as const],
  ])('two handlers %s', (_name, make) => {
    let cacheA: FoldedStateCache;
    let cacheB: FoldedStateCache;
    beforeEach(() => {
      const [cache, sharing] = make();
      cacheA = cache;
      cacheB = sharing === 'same' ? cache : new FoldedStateCache();
    });

    it('never let a decision on a state gone stale through: the append expects its revision', async () => {
      const id = await aClient(2);
      await load(id, cacheA);
      await load(id, cacheB);
      const seen: number[] = [];

      const deleting = run(
        id,
        { type: 'DeleteClient', clientId: id },
        cacheA,
        context(),
        store,
        async (_state, revision) => {
          seen.push(revision);
          // Another handler deletes the client between this handler's read and its append.
          if (seen.length === 1) await run(id, { type: 'DeleteClient', clientId: id }, cacheB);
        },
      );

      await expect(deleting).rejects.toBeInstanceOf(DomainError);
      expect(seen).toEqual([2, 3]);
      const types = (await store.readStream(clientStreamId(id))).map((e) => e.type);
      expect(types.filter((t) => t === 'ClientDeleted')).toHaveLength(1);
    });

    it('absorb concurrent writers without losing one', async () => {
      const id = await aClient(1);
      await load(id, cacheA);
      await load(id, cacheB);

      await Promise.all(
        Array.from({ length: 10 }, (_, i) => run(id, setAttribute(id, `c${i}`, i), i % 2 ? cacheA : cacheB)),
      );

      const uncached = await load(id, null);
      expect(uncached.revision).toBe(11);
      expect(Object.keys((uncached.state as { attributes: object }).attributes)).toHaveLength(11);
      expect(await load(id, cacheA)).toEqual(uncached);
      expect(await load(id, cacheB)).toEqual(uncached);
    });

    it('decide on what the other wrote since, and report a stale If-Match', async () => {
      const id = await aClient(0);
      await load(id, cacheA); // revision 0
      await run(id, { type: 'UpdateClient', clientId: id, name: 'Written by B' }, cacheB);

      await expect(
        run(id, { type: 'UpdateClient', clientId: id, name: 'A' }, cacheA, context({ expectedRevision: 0 })),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      // Decided on the caught-up state: the name is already the one asked for, so nothing is appended.
      const same = await run(id, { type: 'UpdateClient', clientId: id, name: 'Written by B' }, cacheA);
      expect(same.revision).toBe(1);
      expect(await store.readStream(clientStreamId(id))).toHaveLength(2);
    });
  });
});

/** A recorded event as a new one, to copy a stream into another store. */
function copyOf({ id, type, schemaVersion, data, metadata }: RecordedEvent): NewEvent {
  return { id, type, schemaVersion, data, metadata };
}
