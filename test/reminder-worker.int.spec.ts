import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { CLOCK, loadConfig, type Clock } from '@dossiers/platform';
import { ReminderWorkerModule } from '../apps/reminder-worker/src/reminder-worker.module';
import { DUE_WORK_QUEUE, type DueWorkQueue } from '../apps/command-api/src/scheduling/due-work-enqueuer';
import { startStandalone, TEST_SECRET, type StandaloneHarness } from './support/standalone-app';

/**
 * Issue 11 §4 on BullMQ and a real Redis (REDIS_URL or 127.0.0.1:6379), a random queue per test,
 * obliterated after it. The standalone (embedded, on the real clock, so its own scheduler finds
 * nothing due) sets things up and projects; the reminder workers share its DATA_DIR, as separate
 * processes share the stores, and each has its clock jumped past the due instants.
 */
const MAIN_REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  async function startWorker(redisUrl: string, now: () => Date) {
    const config = loadConfig({
      DATA_DIR: h.config.dataDir,
      AUTH_SECRET: TEST_SECRET,
      LOG_LEVEL: 'error',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      REDIS_URL: redisUrl,
      REMINDER_QUEUE: queueName,
    });
    const app = await NestFactory.createApplicationContext(
      ReminderWorkerModule.forRoot(config, { pollMs: 100, refreshMs: 500 }),
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
    await sleep(1500);
    for (const { clientId } of reminders)
      expect(await history(clientId)).toEqual([expect.objectContaining({ status: 'sent', late: false })]);
    const contactIds = reminders.map(({ contactId }) => contactId);
    await until(async () => (await reminderMails(contactIds)).length >= reminders.length);
    expect((await reminderMails(contactIds)).map(({ contactId }) => contactId).sort()).toEqual(
      [...contactIds].sort(),
    );
  });

  it('a Redis down for a while loses nothing and doubles nothing; the occurrences due meanwhile go out late', async () => {
    const port = 6390 + Math.floor(Math.random() * 500);
    let redis = await startRedis(port);
    try {
      const at = new Date(Date.now() + 2 * 86_400_000);
      const before = await reminderAt(at);
      const during = await reminderAt(new Date(at.getTime() + 10 * 60_000));
      let now = new Date(at.getTime() + 1000);
      await startWorker(`redis://127.0.0.1:${port}`, () => now);
      await until(async () => (await history(before.clientId)).length > 0);

      await stopRedis(redis);
      // Twenty minutes go by for the worker while Redis is away (a few seconds for the test).
      now = new Date(at.getTime() + 20 * 60_000);
      await sleep(3000);
      redis = await startRedis(port);

      await until(async () => (await history(during.clientId)).length > 0, 30_000);
      await sleep(1500);
      expect(await history(before.clientId)).toEqual([
        expect.objectContaining({ status: 'sent', late: false }),
      ]);
      expect(await history(during.clientId)).toEqual([
        expect.objectContaining({ status: 'sent', late: true }),
      ]);
      const contactIds = [before.contactId, during.contactId];
      await until(async () => (await reminderMails(contactIds)).length >= 2);
      expect(await reminderMails(contactIds)).toHaveLength(2);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      workers = [];
      await stopRedis(redis);
    }
  });
});

/** The tenant of a test token (the harness makes one per suite). */
function tenantOf(auth: { Authorization: string }): string {
  const payload = auth.Authorization.split('.')[1];
  return JSON.parse(Buffer.from(payload, 'base64url').toString()).tenant;
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
