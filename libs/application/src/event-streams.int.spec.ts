import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  clientDecider,
  clientDownloadsDecider,
  clientDownloadsStreamId,
  clientStreamId,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type ClientCommand,
  type ClientState,
  type Decider,
} from '@dossiers/domain';
import type { DomainEvent, NewEvent } from '@dossiers/events';
import {
  SqliteEventStore,
  WrongExpectedVersionError,
  type EventStore,
  type ExpectedRevision,
} from '@dossiers/event-store';
import { EventStreams, type Aggregate } from './event-streams';
import { testCommandContext } from './testing/test-command-context';

const context = testCommandContext;

describe('EventStreams', () => {
  let dir: string;
  let store: SqliteEventStore;
  let streams: EventStreams;
  let clients: Aggregate<ClientState, ClientCommand>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-streams-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    streams = new EventStreams(store);
    clients = streams.aggregate(clientDecider, clientStreamId, 'client');
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (clientId: string, command: ClientCommand, ctx = context()) =>
    clients.handle(clientId, command, ctx);
  const create = (clientId: string, ctx = context()) =>
    run(clientId, { type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes: {} }, ctx);

  describe('a log (aggregate with log: true)', () => {
    const record = (clientId: string) => ({
      type: 'RecordDownload' as const,
      clientId,
      fileId: randomUUID(),
      version: 1,
      range: null,
    });

    it('appends every command, concurrent ones included, without reading or conflicting', async () => {
      const downloads = streams.aggregate(clientDownloadsDecider, clientDownloadsStreamId, 'client', {
        log: true,
      });
      const clientId = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 30 }, () => downloads.handle(clientId, record(clientId), context())),
      );
      expect(results.every((r) => r.revision >= 0)).toBe(true);
      expect(await store.readStream(clientDownloadsStreamId(clientId))).toHaveLength(30);
    });

    it('refuses authorize and prepare, which it could not honour', async () => {
      const downloads = streams.aggregate(clientDownloadsDecider, clientDownloadsStreamId, 'client', {
        log: true,
      });
      const clientId = randomUUID();
      await expect(
        downloads.handle(clientId, record(clientId), context(), { authorize: () => undefined }),
      ).rejects.toThrow(TypeError);
      expect(await store.readStream(clientDownloadsStreamId(clientId))).toHaveLength(0);
    });
  });

  describe('handle', () => {
    it('appends the decided events with their envelope and returns revision and position', async () => {
      const id = randomUUID();
      const result = await create(id, context({ correlationId: 'corr-1' }));
      expect(result.revision).toBe(0);
      const [event] = await store.readStream(clientStreamId(id));
      expect(event).toMatchObject({
        type: 'ClientCreated',
        schemaVersion: 1,
        position: result.position,
        metadata: {
          tenant: 'firm-a',
          actor: 'user-1',
          correlationId: 'corr-1',
          causationId: null,
          occurredAt: '2026-11-28T10:00:00.000Z',
          actorRole: 'admin',
        },
      });
    });

    it('appends nothing when the decider decides nothing, and reports the current revision', async () => {
      const id = randomUUID();
      const created = await create(id);
      const same = await run(id, { type: 'UpdateClient', clientId: id, name: 'Acme' });
      expect(same).toEqual({ revision: 0, position: created.position, unchanged: true });
      expect(await store.readStream(clientStreamId(id))).toHaveLength(1);
    });

    it('without If-Match, absorbs concurrent writers by deciding again: nothing lost', async () => {
      const id = randomUUID();
      await create(id);
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          run(id, { type: 'UpdateClient', clientId: id, attributes: { set: { [`k${i}`]: i }, removed: [] } }),
        ),
      );
      const events = await store.readStream(clientStreamId(id));
      expect(events).toHaveLength(11);
      expect(new Set(events.slice(1).map((e) => Object.keys((e.data as { set: object }).set)[0])).size).toBe(
        10,
      );
    });

    it('with If-Match, reports a stale revision without deciding or appending', async () => {
      const id = randomUUID();
      await create(id);
      await run(id, { type: 'UpdateClient', clientId: id, name: 'Acme 2' });
      await expect(
        run(id, { type: 'UpdateClient', clientId: id, name: 'Acme 3' }, context({ expectedRevision: 0 })),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(clientStreamId(id))).toHaveLength(2);
    });

    it('treats another tenant’s stream as not found, of the aggregate’s kind, and never appends to it', async () => {
      const id = randomUUID();
      await create(id);
      const stranger = context({ tenant: 'firm-b' });
      await expect(run(id, { type: 'DeleteClient', clientId: id }, stranger)).rejects.toEqual(
        new NotFoundError('client', id),
      );
      await expect(create(id, stranger)).rejects.toBeInstanceOf(NotFoundError);
      await expect(clients.load(id, 'firm-b')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.readStream(clientStreamId(id))).toHaveLength(1);
    });

    it('with deterministic event ids, a replayed command appends nothing twice', async () => {
      const id = randomUUID();
      const ids = (_stream: string, index: number) =>
        `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`.replace(/^0{8}/, id.slice(0, 8));
      const first = await create(id, context({ eventId: ids }));
      const again = await create(id, context({ eventId: ids }));
      expect(again.revision).toBe(first.revision);
      expect(await store.readStream(clientStreamId(id))).toHaveLength(1);
    });

    it('gives up after repeated conflicts rather than looping forever', async () => {
      const flaky: EventStore = Object.create(store, {
        append: { value: async () => Promise.reject(new WrongExpectedVersionError('s', 0, 1)) },
      });
      const id = randomUUID();
      await expect(
        new EventStreams(flaky)
          .aggregate(clientDecider, clientStreamId, 'client')
          .handle(
            id,
            { type: 'CreateClient', clientId: id, name: 'A', groupId: null, attributes: {} },
            context(),
          ),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });
  });

  describe('handle with authorize', () => {
    const refuse = () => {
      throw new ForbiddenError('NOT_YOURS', 'not yours');
    };

    it('checks the actor first, before If-Match and before prepare: a refusal appends and reserves nothing', async () => {
      const id = randomUUID();
      await create(id);
      const prepare = jest.fn(async () => undefined);

      await expect(
        clients.handle(id, { type: 'DeleteClient', clientId: id }, context({ expectedRevision: 7 }), {
          authorize: refuse,
          prepare,
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(prepare).not.toHaveBeenCalled();
      expect(await store.readStream(clientStreamId(id))).toHaveLength(1);
    });

    it('checks again on each attempt, on that attempt’s state', async () => {
      const id = randomUUID();
      await create(id);
      const seen: string[] = [];

      await expect(
        clients.handle(id, { type: 'UpdateClient', clientId: id, name: 'Mine' }, context(), {
          authorize: (state) => {
            const name = state.status === 'active' ? state.name : '';
            seen.push(name);
            if (name === 'Taken over') refuse();
          },
          prepare: async () => {
            if (seen.length === 1) await run(id, { type: 'UpdateClient', clientId: id, name: 'Taken over' });
          },
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(seen).toEqual(['Acme', 'Taken over']);
      expect(await store.readStream(clientStreamId(id))).toHaveLength(2);
    });
  });

  describe('handle with prepare', () => {
    /** What a prepare step found, at the revision it ran on. */
    type Found = { revision: number; name: string };
    const rename =
      (id: string) =>
      (state: ClientState, found: Found): ClientCommand => {
        expect(state.status === 'active' && state.name).toBe(
          found.revision === 0 ? 'Acme' : 'Written meanwhile',
        );
        return { type: 'UpdateClient', clientId: id, name: found.name };
      };

    it('prepares before each attempt, at that attempt’s revision, and builds each command from what that attempt found', async () => {
      const id = randomUUID();
      await create(id);
      const prepared: number[] = [];
      const built: Found[] = [];

      const result = await clients.handle(
        id,
        (state: ClientState, found: Found) => (built.push(found), rename(id)(state, found)),
        context(),
        {
          prepare: async (_state, revision) => {
            prepared.push(revision);
            // The I/O a decision needs happens here; on the first attempt another writer gets in first.
            if (prepared.length === 1)
              await run(id, { type: 'UpdateClient', clientId: id, name: 'Written meanwhile' });
            return { revision, name: `Reserved at ${revision}` };
          },
        },
      );

      expect(prepared).toEqual([0, 1]);
      expect(built).toEqual([
        { revision: 0, name: 'Reserved at 0' },
        { revision: 1, name: 'Reserved at 1' },
      ]);
      expect(result.revision).toBe(2);
      const events = await store.readStream(clientStreamId(id));
      expect(events.map((e) => e.data)).toEqual([
        expect.anything(),
        { clientId: id, name: 'Written meanwhile' },
        { clientId: id, name: 'Reserved at 1' },
      ]);
    });

    it('with a stale If-Match, prepares nothing: no reservation is made for a command refused', async () => {
      const id = randomUUID();
      await create(id);
      await run(id, { type: 'UpdateClient', clientId: id, name: 'Acme 2' });
      const prepare = jest.fn(async (_state: ClientState, revision: number) => ({ revision, name: 'B' }));

      await expect(
        clients.handle(id, rename(id), context({ expectedRevision: 0 }), { prepare }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(prepare).not.toHaveBeenCalled();
    });

    it('appends nothing when the prepare step refuses', async () => {
      const id = randomUUID();
      await create(id);
      const build = jest.fn(rename(id));

      await expect(
        clients.handle(id, build, context(), {
          prepare: async () => {
            throw new ConflictError('CLIENT_NAME_TAKEN', 'taken');
          },
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect(build).not.toHaveBeenCalled();
      expect(await store.readStream(clientStreamId(id))).toHaveLength(1);
    });
  });
});

describe('EventStreams with a command retried under the same event ids (Idempotency-Key)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let appended: { events: string[]; expected: unknown }[];
  let tallies: Aggregate<number, { type: 'Tick'; times: number }>;

  /** Decides `times` events whatever it has seen, as a retried command decided anew may. */
  const tallyDecider: Decider<number, { type: 'Tick'; times: number }, DomainEvent> = {
    initialState: () => 0,
    evolve: (count) => count + 1,
    decide: ({ times }) => Array.from({ length: times }, () => ({ type: 'Ticked', data: {} })),
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'event-streams-retries-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    // What reaches the store: SQLite would drop the repeats itself, EventStoreDB only within its window.
    const watched: EventStore = Object.create(store, {
      append: {
        value: (streamId: string, events: NewEvent[], expected: ExpectedRevision) => {
          appended.push({ events: events.map((event) => event.id), expected });
          return store.append(streamId, events, expected);
        },
      },
    });
    tallies = new EventStreams(watched).aggregate(tallyDecider, (id) => `tally-${id}`, 'tally');
  });
  beforeEach(() => (appended = []));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keyed = (key: string) => context({ eventId: (streamId, index) => `${key}/${streamId}/${index}` });

  it('drops the events the stream read already holds, answering like the first attempt', async () => {
    const id = randomUUID();
    const first = await tallies.handle(id, { type: 'Tick', times: 2 }, keyed('k1'));
    await tallies.handle(id, { type: 'Tick', times: 1 }, context());

    const retried = await tallies.handle(id, { type: 'Tick', times: 2 }, keyed('k1'));

    expect(retried).toEqual(first);
    expect(appended).toHaveLength(2);
    expect(await store.readStream(`tally-${id}`)).toHaveLength(3);
  });

  it('appends only the new events of a partial repeat, expecting the revision it read', async () => {
    const id = randomUUID();
    await tallies.handle(id, { type: 'Tick', times: 2 }, keyed('k2'));

    const result = await tallies.handle(id, { type: 'Tick', times: 3 }, keyed('k2'));

    expect(appended[1]).toEqual({ events: [`k2/tally-${id}/2`], expected: 1 });
    expect(result.revision).toBe(2);
  });
});
