/**
 * Issue 11's reminders benchmark: 100,000 occurrences falling due at once across 10,000 clients
 * (10 `{at}` reminders each, one contact each), sent by the standalone app exactly as `npm start`
 * runs it (command API, projector, notifier), once with the embedded scheduler and once with
 * BullMQ on the local Redis (a random queue, obliterated after). The event store is seeded directly
 * (untimed), the projector catches up (untimed), then the one clock jumps to the due instant.
 *
 * Measured from the jump: `sent/s`, the occurrences whose ReminderOccurrenceSent is appended, per
 * second, until the last; `mailed/s`, the same until the notifier's projection has queued the last
 * one's delivery (mail_deliveries, the outbox); the p50/p99/max delay from the due instant to each
 * event's recordedAt (on the app's clock); the process's RSS at the jump and its peak after.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Redis from 'ioredis';
import { SqliteEventStore } from '@dossiers/event-store';
import { CLOCK, createHttpApp, loadConfig, type Clock } from '@dossiers/platform';
import { MAIL_DELIVERIES_COLLECTION } from '@dossiers/notifications';
import { CLIENTS_COLLECTION, DUE_REMINDERS_COLLECTION } from '@dossiers/read-models';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { StandaloneModule } from '../apps/standalone/src/standalone.module';
import type { Row } from './report';
import { fmt, fmtInt, log, newEvent, nowMs, percentile } from './util';

export const REMINDER_CLIENTS = 10_000;
export const REMINDERS_PER_CLIENT = 10;
/** The whole burst must be sent within this, or the run is reported as timed out. */
const TIMEOUT_MS = 15 * 60_000;
/** Issue 11's targets for the whole burst, end to end. */
const TARGET_PER_SECOND = 2000;
const TARGET_P99_SECONDS = 60;
/** Where the BullMQ burst runs (an empty REDIS_URL counts as unset, as in the configuration). */
export const BENCH_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export interface ReminderBurstFigures {
  scheduler: 'embedded' | 'bullmq';
  occurrences: number;
  sent: number;
  sentSeconds: number;
  sentPerSecond: number;
  mailed: number;
  mailedSeconds: number;
  mailedPerSecond: number;
  p50DelaySeconds: number;
  p99DelaySeconds: number;
  maxDelaySeconds: number;
  late: number;
  /** RSS when the clock jumped, and the most sampled (every 250 ms to 1 s) until the last mail was queued */
  rssAtJumpMb: number;
  peakRssMb: number;
}

/** null: that scheduler was not run */
export interface ReminderFigures {
  embedded: ReminderBurstFigures | null;
  bullmq: ReminderBurstFigures | null;
}

/** 10,000 contacts and clients, each client with its contact and 10 reminders due at `dueAt`. */
async function seed(file: string, dueAt: string, clients: number): Promise<void> {
  const store = new SqliteEventStore({ filename: file, synchronous: 'NORMAL' });
  const at = new Date(Date.parse(dueAt) - 86_400_000).toISOString();
  const texts = { fr: { subject: 'Rappel {{client.name}}', body: 'Bonjour {{contact.firstName}}' } };
  const one = async (i: number) => {
    const contactId = randomUUID();
    const clientId = randomUUID();
    await store.append(
      `contact-${contactId}`,
      [
        newEvent(
          'ContactCreated',
          {
            contactId,
            firstName: 'Camille',
            lastName: `Client ${i}`,
            email: `c${i}@example.com`,
            phone: null,
            language: 'fr',
          },
          at,
        ),
      ],
      'no_stream',
    );
    const reminders = Array.from({ length: REMINDERS_PER_CLIENT }, () =>
      newEvent(
        'ReminderScheduled',
        {
          clientId,
          reminderId: randomUUID(),
          templateId: '00000000-0000-4000-8000-000000000001',
          templateName: 'Rappel',
          texts,
          recipients: 'all',
          schedule: { kind: 'at', at: dueAt },
          calendar: { timeZone: 'Europe/Paris', sendHour: '09:00' },
          formId: null,
          firstOfSchedule: 0,
        },
        at,
      ),
    );
    await store.append(
      `client-${clientId}`,
      [
        newEvent('ClientCreated', { clientId, name: `Client ${i}`, groupId: null, attributes: {} }, at),
        newEvent('ContactAttached', { clientId, contactId, language: 'fr' }, at),
        ...reminders,
      ],
      'no_stream',
    );
  };
  for (let i = 0; i < clients; i += 100)
    await Promise.all(Array.from({ length: Math.min(100, clients - i) }, (_, j) => one(i + j)));
  await store.close();
}

const rssMb = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);
let peakRss = 0;

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    peakRss = Math.max(peakRss, rssMb());
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** One burst: a fresh DATA_DIR, seeded, the app started, the clock jumped, everything waited for. */
async function burst(
  dir: string,
  scheduler: 'embedded' | 'bullmq',
  clientCount: number,
): Promise<ReminderBurstFigures> {
  const OCCURRENCES = clientCount * REMINDERS_PER_CLIENT;
  const dataDir = join(dir, scheduler);
  mkdirSync(dataDir, { recursive: true });
  // Far enough ahead that nothing falls due while the projector catches up.
  const dueAt = new Date(Date.now() + 3_600_000).toISOString();
  log(`reminders (${scheduler}): seeding ${OCCURRENCES} occurrences across ${clientCount} clients`);
  await seed(join(dataDir, 'events.db'), dueAt, clientCount);
  const queue = `bench-reminders-${randomUUID().slice(0, 8)}`;
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    AUTH_SECRET: 'bench-secret-that-is-long-enough-for-hs256!',
    LOG_LEVEL: 'error',
    ...(scheduler === 'bullmq' ? { REDIS_URL: BENCH_REDIS_URL, REMINDER_QUEUE: queue } : { REDIS_URL: '' }),
  });
  const app = await createHttpApp(StandaloneModule.forRoot(config) as never, config, {
    title: 'bench',
    requestLogs: false,
  });
  const events = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    await app.init();
    const readStore = app.get<ReadStore>(READ_STORE, { strict: false });
    const due = readStore.collection(DUE_REMINDERS_COLLECTION);
    const clients = readStore.collection(CLIENTS_COLLECTION);
    const catchUp = nowMs();
    await until(
      'the projector',
      async () => (await due.count({})) === OCCURRENCES && (await clients.count({})) === clientCount,
      TIMEOUT_MS,
    );
    log(
      `reminders (${scheduler}): projected in ${((nowMs() - catchUp) / 1000).toFixed(1)} s; the clock jumps`,
    );
    const seeded = (events.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;

    const clock = app.get<Clock>(CLOCK, { strict: false });
    const offset = Date.parse(dueAt) - Date.now();
    clock.now = () => new Date(Date.now() + offset);
    const jumped = nowMs();
    const rssAtJumpMb = rssMb();
    peakRss = rssAtJumpMb;
    const sentCount = events.prepare(
      "SELECT count(*) AS n FROM events WHERE position > ? AND type = 'ReminderOccurrenceSent'",
    );
    // Polled once a second: the count is no free read, and the figures come from recordedAt.
    await until(
      'the occurrences sent',
      async () => (sentCount.get(seeded) as { n: number }).n >= OCCURRENCES,
      TIMEOUT_MS,
      1000,
    );
    const mail = readStore.collection(MAIL_DELIVERIES_COLLECTION);
    await until(
      'the mails queued',
      async () => (await mail.count({ kind: 'reminder' })) >= OCCURRENCES,
      TIMEOUT_MS,
      1000,
    );
    const mailedSeconds = (nowMs() - jumped) / 1000;

    const rows = events
      .prepare(
        "SELECT recorded_at AS r, json_extract(data, '$.late') AS late FROM events WHERE position > ? AND type = 'ReminderOccurrenceSent'",
      )
      .all(seeded) as { r: string; late: number }[];
    const delays = rows
      .map(({ r }) => (Date.parse(r) + offset - Date.parse(dueAt)) / 1000)
      .sort((a, b) => a - b);
    // The app's clock read the due instant at the jump: a delay is the time since it.
    const sentSeconds = delays[delays.length - 1];
    const figures: ReminderBurstFigures = {
      scheduler,
      occurrences: OCCURRENCES,
      sent: rows.length,
      sentSeconds,
      sentPerSecond: rows.length / sentSeconds,
      mailed: await mail.count({ kind: 'reminder' }),
      mailedSeconds,
      mailedPerSecond: OCCURRENCES / mailedSeconds,
      p50DelaySeconds: percentile(delays, 50),
      p99DelaySeconds: percentile(delays, 99),
      maxDelaySeconds: sentSeconds,
      late: rows.filter((row) => row.late === 1).length,
      rssAtJumpMb,
      peakRssMb: peakRss,
    };
    log(`reminders (${scheduler}): ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    events.close();
    await app.close();
    if (scheduler === 'bullmq') await obliterate(queue, config.redisUrl!);
  }
}

/** The bench's queue removed from Redis, whatever it left. */
async function obliterate(name: string, redisUrl: string): Promise<void> {
  const { Queue } = await import('bullmq');
  const url = new URL(redisUrl);
  const queue = new Queue(name, { connection: { host: url.hostname, port: Number(url.port || 6379) } });
  await queue.obliterate({ force: true });
  await queue.close();
}

type Scheduler = ReminderBurstFigures['scheduler'];

/** Both schedulers (or those named: BullMQ needs a Redis); `clients` scales the burst down for a try. */
export async function benchReminders(
  dir: string,
  {
    schedulers = ['embedded', 'bullmq'] as Scheduler[],
    clients = REMINDER_CLIENTS,
  }: { schedulers?: Scheduler[]; clients?: number } = {},
): Promise<ReminderFigures> {
  const run = (scheduler: Scheduler) =>
    schedulers.includes(scheduler) ? burst(dir, scheduler, clients) : Promise.resolve(null);
  const embedded = await run('embedded');
  return { embedded, bullmq: await run('bullmq') };
}

/** Whether a Redis answers at the URL (within a few seconds): the BullMQ burst needs one. */
export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** The rows of `npm run bench` (section (j)): both schedulers, a missing one failing its targets. */
export function reminderRows(f: ReminderFigures): Row[] {
  return [
    burstRows('embedded scheduler', f.embedded),
    burstRows('BullMQ on the local Redis', f.bullmq),
  ].flat();
}

function burstRows(label: string, f: ReminderBurstFigures | null): Row[] {
  const what = (measure: string) => `(j) reminders burst, ${label}: ${measure}`;
  if (!f)
    return [
      {
        what: what(`not run (no Redis answered at ${BENCH_REDIS_URL})`),
        result: 'not run',
        target: `≥ ${fmtInt(TARGET_PER_SECOND)} /s, p99 ≤ ${TARGET_P99_SECONDS} s`,
        pass: false,
      },
    ];
  const clients = f.occurrences / REMINDERS_PER_CLIENT;
  return [
    {
      what: what(
        `${fmtInt(f.occurrences)} occurrences due at once across ${fmtInt(clients)} clients, sent end to end (appended and mail queued)`,
      ),
      result: `${fmtInt(f.mailedPerSecond)} /s (${fmt(f.mailedSeconds, 1)} s; appended alone ${fmtInt(f.sentPerSecond)} /s)`,
      target: `≥ ${fmtInt(TARGET_PER_SECOND)} /s`,
      pass: f.mailedPerSecond >= TARGET_PER_SECOND,
    },
    {
      what: what('delay from the due instant to ReminderOccurrenceSent (p50 / p99 / max)'),
      result: `${fmt(f.p50DelaySeconds, 1)} / ${fmt(f.p99DelaySeconds, 1)} / ${fmt(f.maxDelaySeconds, 1)} s`,
      target: `p99 ≤ ${TARGET_P99_SECONDS} s`,
      pass: f.p99DelaySeconds <= TARGET_P99_SECONDS,
    },
    {
      what: what(`each occurrence appended once and mailed once (${fmtInt(f.late)} marked late)`),
      result: `${fmtInt(f.sent)} appended, ${fmtInt(f.mailed)} mailed`,
      target: `${fmtInt(f.occurrences)} each`,
      pass: f.sent === f.occurrences && f.mailed === f.occurrences,
    },
    {
      what: what('RSS of the process when the clock jumped → its peak until the last mail was queued'),
      result: `${fmtInt(f.rssAtJumpMb)} → ${fmtInt(f.peakRssMb)} MB`,
      target: 'reference',
    },
  ];
}
