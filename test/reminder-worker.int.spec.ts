import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueEvents, type Queue } from 'bullmq';
import { clientStreamId } from '@dossiers/domain';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { CLOCK, loadConfig, type Clock } from '@dossiers/platform';
import { ReminderWorkerModule } from '../apps/reminder-worker/src/reminder-worker.module';
import type { DueWorkQueueOptions } from '../apps/command-api/src/due-work-queue.module';
import { DUE_WORK_QUEUE, type DueWorkQueue } from '../apps/command-api/src/scheduling/due-work-enqueuer';
import type { HeldJob } from './support/holding-reminder-worker';
import { startStandalone, TEST_SECRET, type StandaloneHarness } from './support/standalone-app';

/**
 * Issue 11 §4 on BullMQ and a real Redis (REDIS_URL or 127.0.0.1:6379), a random queue per test,
 * obliterated after it. The standalone (embedded, on the real clock, so its own scheduler finds
 * nothing due) sets things up and projects; the reminder workers share its DATA_DIR, as separate
 * processes share the stores, and each has its clock jumped past the due instants.
 */
const MAIN_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Issue 11 §4: "Redis down for 30 s loses no occurrence and doubles none". */
const REDIS_OUTAGE_MS = 30_000;

describe('reminder workers on BullMQ', () => {
  let h: StandaloneHarness;
  let auth: { Authorization: string };
  let workers: INestApplicationContext[] = [];
  let queueName: string;
  let last = 0;

  beforeAll(async () => {
    h = await startStandalone();
    auth = { Authorization: `Bearer ${await h.token('admin')}` };
  });
  afterAll(() => h.close());
  beforeEach(() => {
    queueName = `test-reminders-${randomUUID()}`;
  });
  afterEach(async () => {
    const [first] = workers;
    if (first)
      await first.get<Queue>(getQueueToken(queueName), { strict: false }).obliterate({ force: true });
    await Promise.all(workers.map((worker) => worker.close()));
    workers = [];
  });

  const post = async (path: string, body: object) => {
    const res = await h.http().post(path).set(auth).send(body);
    if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res.body;
  };
  let templateId: string;
  beforeAll(async () => {
    ({ id: templateId } = await post('/reminder-templates', {
      name: 'Relance',
      texts: { fr: { subject: 'Rappel', body: 'Bonjour {{contact.firstName}}' } },
    }));
  });

  /** A client with one contact and a reminder `{at}`. */
  async function reminderAt(at: Date) {
    const { id: contactId } = await post('/contacts', {
      firstName: 'Ana',
      lastName: 'Lima',
      email: `ana-${randomUUID()}@example.com`,
      language: 'fr',
    });
    const { id: clientId } = await post('/clients', {
      name: `Client ${randomUUID()}`,
      contacts: [{ contactId, language: 'fr', sendActivationEmail: false }],
    });
    const { reminderId } = await post(`/clients/${clientId}/reminders`, {
      templateId,
      recipients: 'all',
      schedule: { at: at.toISOString() },
    });
    return { clientId, contactId, reminderId };
  }

  const workerEnv = (redisUrl: string) => ({
    DATA_DIR: h.config.dataDir,
    AUTH_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    REDIS_URL: redisUrl,
    REMINDER_QUEUE: queueName,
  });

  /**
   * The worker module in a process of its own that holds every job it takes, half of them after
   * their command has appended (test/support/holding-reminder-worker.ts), its clock at `now`.
   */
  function startHoldingWorker(now: Date, lockMs: number, stalledMs: number): ChildProcess {
    return spawn(process.execPath, ['-r', '@swc-node/register', 'test/support/holding-reminder-worker.ts'], {
      cwd: join(__dirname, '..'),
      env: {
        ...process.env,
        // Engine URLs set for the contract suites (CI) must not send it elsewhere: empty is unset.
        EVENTSTORE_URL: '',
        MONGO_URL: '',
        ...workerEnv(MAIN_REDIS),
        HOLD_CLOCK_AT: now.toISOString(),
        HOLD_LOCK_MS: String(lockMs),
        HOLD_STALLED_MS: String(stalledMs),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
  }

  async function startWorker(redisUrl: string, now: () => Date, options: Partial<DueWorkQueueOptions> = {}) {
    const config = loadConfig(workerEnv(redisUrl));
    const app = await NestFactory.createApplicationContext(
      ReminderWorkerModule.forRoot(config, { pollMs: 100, refreshMs: 500, ...options }),
      { logger: false },
    );
    workers.push(app);
    jest.spyOn(app.get<Clock>(CLOCK, { strict: false }), 'now').mockImplementation(now);
    return app;
  }

  const history = async (clientId: string) => {
    const res = await h
      .http()
      .get(`/clients/${clientId}/reminders`)
      .set(auth)
      .set('X-Min-Position', String(last));
    return res.body.items[0].history as { status: string; late: boolean; occurrence: number }[];
  };
  async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await sleep(100);
    }
  }
  /** The occurrences recorded on the client's stream, as the event store holds them. */
  const recordedOccurrences = async (clientId: string) =>
    (await h.app.get<EventStore>(EVENT_STORE, { strict: false }).readStream(clientStreamId(clientId)))
      .filter(({ type }) => type === 'ReminderOccurrenceSent' || type === 'ReminderOccurrenceSkipped')
      .map(({ type, data }) => ({ type, occurrence: (data as { occurrence: number }).occurrence }));
  /** No job left that could still run (and double something), and the read side past every append. */
  async function settled(queue: Queue) {
    await until(async () => {
      const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    }, 60_000);
    last = Math.max(last, await h.app.get<EventStore>(EVENT_STORE, { strict: false }).headPosition());
  }
  const reminderMails = async (contactIds: string[]) => {
    const res = await h.http().get('/outbox?pageSize=100').set(auth);
    return (res.body.items as { kind: string; contactId: string }[]).filter(
      (item) => item.kind === 'reminder' && contactIds.includes(item.contactId),
    );
  };

  it('two workers racing on the same due occurrences (and on duplicate jobs) send each once', async () => {
    const at = new Date(Date.now() + 2 * 86_400_000);
    const reminders: Awaited<ReturnType<typeof reminderAt>>[] = [];
    for (let i = 0; i < 8; i++) reminders.push(await reminderAt(at));
    const jumped = () => new Date(at.getTime() + 1000);
    const [one, two] = [await startWorker(MAIN_REDIS, jumped), await startWorker(MAIN_REDIS, jumped)];
    // Jobs under other ids for the same occurrences, as after a Redis that lost its data.
    const tenant = tenantOf(auth);
    await two.get<DueWorkQueue>(DUE_WORK_QUEUE, { strict: false }).addBulk(
      reminders.map(({ clientId, reminderId }) => ({
        name: 'reminder',
        data: {
          kind: 'reminder',
          doc: {
            _id: `${clientId}/${reminderId}`,
            tenant,
            clientId,
            reminderId,
            occurrence: 0,
            dueAt: at.toISOString(),
          },
        },
        opts: { jobId: `copy-${reminderId}` },
      })),
    );
    expect(one).not.toBe(two);

    await until(async () => {
      const all = await Promise.all(reminders.map(({ clientId }) => history(clientId)));
      return all.every((entries) => entries.length > 0);
    });
    // Every job run (the copies included), then the store itself: one occurrence each, none doubled.
    await settled(one.get<Queue>(getQueueToken(queueName), { strict: false }));
    for (const { clientId } of reminders) {
      expect(await recordedOccurrences(clientId)).toEqual([
        { type: 'ReminderOccurrenceSent', occurrence: 0 },
      ]);
      expect(await history(clientId)).toEqual([expect.objectContaining({ status: 'sent', late: false })]);
    }
    const contactIds = reminders.map(({ contactId }) => contactId);
    await until(async () => (await reminderMails(contactIds)).length >= reminders.length);
    expect((await reminderMails(contactIds)).map(({ contactId }) => contactId).sort()).toEqual(
      [...contactIds].sort(),
    );
  });

  it('a worker killed (SIGKILL) holding its jobs: another takes them over, each occurrence recorded and mailed once', async () => {
    const at = new Date(Date.now() + 2 * 86_400_000);
    const reminders: Awaited<ReturnType<typeof reminderAt>>[] = [];
    for (let i = 0; i < 6; i++) reminders.push(await reminderAt(at));
    const jumped = () => new Date(at.getTime() + 1000);
    // Every stalled job the queue reports: how the takeover must happen (not a re-enqueue).
    const queueEvents = new QueueEvents(queueName, { connection: { url: MAIN_REDIS } });
    const stalled = new Set<string>();
    queueEvents.on('stalled', ({ jobId }) => stalled.add(jobId));
    await queueEvents.waitUntilReady();
    // Its locks lapse 3 s after it dies; the survivor looks for stalled jobs every second.
    const holder = startHoldingWorker(jumped(), 3000, 1000);
    try {
      const held = await heldJobs(holder, reminders.length);
      // Half of them died after their command had appended, the other half before it ran.
      expect(held.filter(({ error }) => error)).toEqual([]);
      expect(held.filter(({ appended }) => appended).map(({ outcome }) => outcome)).toEqual(
        Array.from({ length: reminders.length / 2 }, () => 'done'),
      );
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await exited;

      const survivor = await startWorker(MAIN_REDIS, jumped, { stalledIntervalMs: 1000 });
      const queue = survivor.get<Queue>(getQueueToken(queueName), { strict: false });
      await until(async () => (await queue.getJobCounts('completed')).completed >= reminders.length, 60_000);
      await settled(queue);
      const heldIds = held.map(({ jobId }) => jobId).sort();
      expect([...stalled].sort()).toEqual(heldIds);
      expect((await queue.getJobs(['completed'])).map(({ id }) => id).sort()).toEqual(heldIds);
      for (const { clientId } of reminders) {
        expect(await recordedOccurrences(clientId)).toEqual([
          { type: 'ReminderOccurrenceSent', occurrence: 0 },
        ]);
        expect(await history(clientId)).toEqual([expect.objectContaining({ status: 'sent', late: false })]);
      }
      const contactIds = reminders.map(({ contactId }) => contactId);
      await until(async () => (await reminderMails(contactIds)).length >= reminders.length);
      expect((await reminderMails(contactIds)).map(({ contactId }) => contactId).sort()).toEqual(
        [...contactIds].sort(),
      );
    } finally {
      if (holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
      await queueEvents.close();
    }
  }, 120_000);

  // Long (~40 s): Redis stays down the 30 s; BullMQ's reconnection back-off may add up to 20 s.
  it('a Redis down for 30 s loses nothing and doubles nothing; the occurrences due meanwhile go out late, once', async () => {
    const port = 6390 + Math.floor(Math.random() * 500);
    let redis = await startRedis(port);
    try {
      const at = new Date(Date.now() + 2 * 86_400_000);
      const before = await reminderAt(at);
      // Due during the outage: one already enqueued (within the horizon) when Redis goes, one not.
      const during = [
        await reminderAt(new Date(at.getTime() + 10 * 60_000)),
        await reminderAt(new Date(at.getTime() + 15 * 60_000)),
      ];
      let now = new Date(at.getTime() + 1000);
      const worker = await startWorker(`redis://127.0.0.1:${port}`, () => now);
      await until(async () => (await history(before.clientId)).length > 0);

      await stopRedis(redis);
      // Twenty-five minutes go by for the worker while Redis is away for 30 s: both are late (> 5 min).
      now = new Date(at.getTime() + 25 * 60_000);
      await sleep(REDIS_OUTAGE_MS);
      for (const { clientId } of during) expect(await recordedOccurrences(clientId)).toEqual([]);
      // Restarted empty (no persistence): every job it held is gone.
      redis = await startRedis(port);

      await until(async () => {
        const recorded = await Promise.all(during.map(({ clientId }) => recordedOccurrences(clientId)));
        return recorded.every((occurrences) => occurrences.length > 0);
      }, 90_000);
      await settled(worker.get<Queue>(getQueueToken(queueName), { strict: false }));
      for (const { clientId } of [before, ...during])
        expect(await recordedOccurrences(clientId)).toEqual([
          { type: 'ReminderOccurrenceSent', occurrence: 0 },
        ]);
      expect(await history(before.clientId)).toEqual([
        expect.objectContaining({ status: 'sent', late: false }),
      ]);
      for (const { clientId } of during)
        expect(await history(clientId)).toEqual([expect.objectContaining({ status: 'sent', late: true })]);
      const contactIds = [before, ...during].map(({ contactId }) => contactId);
      await until(async () => (await reminderMails(contactIds)).length >= contactIds.length);
      expect((await reminderMails(contactIds)).map(({ contactId }) => contactId).sort()).toEqual(
        [...contactIds].sort(),
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      workers = [];
      await stopRedis(redis);
    }
  }, 180_000);
});

/**
 * The jobs the holding worker reports holding, once it holds `count` different ones; rejects with
 * its stderr if it exits first.
 */
function heldJobs(child: ChildProcess, count: number): Promise<HeldJob[]> {
  return new Promise((resolve, reject) => {
    const held = new Map<string, HeldJob>();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('message', (message: HeldJob | 'ready') => {
      if (message === 'ready') return;
      held.set(message.jobId, message);
      if (held.size === count) resolve([...held.values()]);
    });
    child.once('exit', (code, signal) =>
      reject(
        new Error(`the holding worker exited (${code ?? signal}) holding ${held.size}/${count}:\n${stderr}`),
      ),
    );
  });
}

/** The tenant of a test token (the harness makes one per suite). */
function tenantOf(auth: { Authorization: string }): string {
  const payload = auth.Authorization.split('.')[1];
  return JSON.parse(Buffer.from(payload, 'base64url').toString()).tenant;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    // A port already taken, for one: redis-server says why and exits.
    child.once('exit', (code) => reject(new Error(`redis-server on ${port} exited (${code}):\n${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
