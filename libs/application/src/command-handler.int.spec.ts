import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { clientDecider, clientStreamId, NotFoundError, type ClientCommand } from '@dossiers/domain';
import { SqliteEventStore, WrongExpectedVersionError, type EventStore } from '@dossiers/event-store';
import { handleCommand } from './command-handler';
import { testCommandContext } from './testing/test-command-context';

const context = testCommandContext;

describe('handleCommand', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'handler-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (clientId: string, command: ClientCommand, ctx = context()) =>
    handleCommand(
      store,
      clientDecider,
      clientStreamId(clientId),
      command,
      ctx,
      () => new NotFoundError('client', clientId),
    );
  const create = (clientId: string, ctx = context()) =>
    run(clientId, { type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes: {} }, ctx);

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
      },
    });
  });

  it('appends nothing when the decider decides nothing, and reports the current revision', async () => {
    const id = randomUUID();
    const created = await create(id);
    const same = await run(id, { type: 'UpdateClient', clientId: id, name: 'Acme' });
    expect(same).toEqual({ revision: 0, position: created.position });
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

  it('treats another tenant’s stream as not found and never appends to it', async () => {
    const id = randomUUID();
    await create(id);
    const stranger = context({ tenant: 'firm-b' });
    await expect(run(id, { type: 'DeleteClient', clientId: id }, stranger)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(create(id, stranger)).rejects.toBeInstanceOf(NotFoundError);
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
      handleCommand(
        flaky,
        clientDecider,
        clientStreamId(id),
        { type: 'CreateClient', clientId: id, name: 'A', groupId: null, attributes: {} },
        context(),
        () => new NotFoundError('client', id),
      ),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});
