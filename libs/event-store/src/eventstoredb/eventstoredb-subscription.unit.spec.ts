import { PassThrough, type ReadableOptions } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStoreDBClient, Position } from '@eventstore/db-client';
import type { RecordedEvent } from '@dossiers/events';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

/** Stands in for the client's subscribeToAll only: what the server does is the contract suite's job. */
function fakeClient() {
  const subscriptions: { fromPosition: unknown; stream: PassThrough }[] = [];
  const client = {
    // As the client does (its Subscription is a Transform), the readable options size the buffer.
    subscribeToAll({ fromPosition }: { fromPosition: unknown }, readableOptions: ReadableOptions = {}) {
      const stream = Object.assign(new PassThrough({ ...readableOptions, objectMode: true }), {
        unsubscribe: async () => undefined,
      });
      subscriptions.push({ fromPosition, stream });
      return stream;
    },
  };
  return { client: client as unknown as EventStoreDBClient, subscriptions };
}

function resolved(n: number) {
  const position: Position = { commit: BigInt(n * 100), prepare: BigInt(n * 100) };
  const metadata = {
    tenant: 't',
    actor: 'a',
    correlationId: 'c',
    causationId: null,
    occurredAt: '',
    schemaVersion: 1,
  };
  return {
    event: {
      streamId: 's',
      id: `e${n}`,
      type: 'T',
      revision: BigInt(n),
      data: {},
      metadata,
      position,
      created: new Date(n * 1000),
    },
  };
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2_000) throw new Error('timed out');
    await sleep(5);
  }
}

describe('EventStoreDbSubscription', () => {
  it('resubscribes after a drop from the last handled event, handing each event over once', async () => {
    const { client, subscriptions } = fakeClient();
    const handled: RecordedEvent[] = [];
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message), error: () => {} };
    const subscription = new EventStoreDbSubscription(
      client,
      { handler: async (events) => void handled.push(...events) },
      logger,
    );

    subscriptions[0].stream.write(resolved(1));
    subscriptions[0].stream.write(resolved(2));
    await waitUntil(() => handled.length === 2);
    subscriptions[0].stream.destroy(new Error('connection lost'));
    await waitUntil(() => subscriptions.length === 2);
    subscriptions[1].stream.write(resolved(2)); // a server may start at the checkpoint itself
    subscriptions[1].stream.write(resolved(3));
    await waitUntil(() => handled.length === 3);
    await subscription.stop();

    expect(subscriptions[0].fromPosition).toBe('start');
    expect(subscriptions[1].fromPosition).toEqual({ commit: 200n, prepare: 200n });
    expect(handled.map((event) => event.id)).toEqual(['e1', 'e2', 'e3']);
    expect(warnings).toEqual([expect.stringMatching(/^Dropped, resubscribing in \d+ ms: .*connection lost/)]);
  });

  it('hands a lagging handler full batches: the subscription buffers batchSize events, not 16', async () => {
    const { client, subscriptions } = fakeClient();
    let release!: () => void;
    const batches: number[] = [];
    const subscription = new EventStoreDbSubscription(client, {
      batchSize: 100,
      handler: async (events) => {
        batches.push(events.length);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const { stream } = subscriptions[0];
    stream.write(resolved(1));
    await waitUntil(() => batches.length === 1);
    // What a server does while the handler works: send until the subscription pushes back.
    let sent = 1;
    while (sent < 101 && stream.write(resolved(sent + 1))) sent++;
    release();
    await waitUntil(() => batches.length >= 2);
    await subscription.stop();

    expect(stream.readableHighWaterMark).toBe(100);
    expect(batches[1]).toBe(100);
  });

  it('stops once the running handler has finished, then hands nothing more over', async () => {
    const { client, subscriptions } = fakeClient();
    let release!: () => void;
    const calls: string[][] = [];
    const subscription = new EventStoreDbSubscription(client, {
      handler: async (events) => {
        calls.push(events.map((event) => event.id));
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    subscriptions[0].stream.write(resolved(1));
    await waitUntil(() => calls.length === 1);
    subscriptions[0].stream.write(resolved(2));

    let stopped = false;
    const stopping = subscription.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(calls).toEqual([['e1']]);
    expect(subscriptions).toHaveLength(1);
  });
});
