/**
 * Time travel (issue 10): `asOf` queries at random instants of one client of 20,000 events (a
 * 300-folder tree, 30 principals, the rest folder rights set by SetFolderPermission), through the
 * query side's TimeTravelHandler over the embedded stores, as GET /clients/:id/...?asOf= runs it.
 * Cold: the first query of a client after the query API started (nothing in its memory), with
 * the snapshots the projector's HistorySnapshotter keeps in the read store (one every 500
 * revisions, made by following the log, timed as a reference), and, as a reference, before the
 * snapshotter has passed (folded from the first event); the process's very first query (V8's
 * compiling, paid once for all clients) is a row of its own. Warm: the folded states kept every
 * 500 revisions in memory, as a running query API has them after its first query. Also, for
 * reference, the fold from the first event's two halves on the whole stream: reading the events
 * and folding them.
 *
 *   node -r @swc-node/register bench/time-travel.run.ts     (alone; bench/run.ts calls benchTimeTravel)
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientStreamId, normalizeText } from '@dossiers/domain';
import { SqliteEventStore, type EventStore } from '@dossiers/event-store';
import type { RecordedEvent } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import {
  foldProjections,
  HISTORY_SNAPSHOTS_COLLECTION,
  HISTORY_SNAPSHOTTER_CHECKPOINTS,
  HistorySnapshotter,
  TIME_TRAVEL_PROJECTIONS,
  type CheckpointDoc,
} from '@dossiers/read-models';
import { SqliteReadStore, type ReadStore } from '@dossiers/read-store';
import { GetClientQuery } from '../apps/query-api/src/clients/get-client/get-client.query';
import { GetFolderAccessQuery } from '../apps/query-api/src/folders/get-folder-access/get-folder-access.query';
import { GetFolderTreeQuery } from '../apps/query-api/src/folders/get-folder-tree/get-folder-tree.query';
import { GetVisibleFoldersQuery } from '../apps/query-api/src/folders/get-visible-folders/get-visible-folders.query';
import { ClientFolds } from '../apps/query-api/src/time-travel/client-folds';
import { TimeTravelHandler } from '../apps/query-api/src/time-travel/time-travel.handler';
import { TimeTravelQuery, type ClientQuery } from '../apps/query-api/src/time-travel/time-travel.query';
import { EventLog, seedClient, treeTemplate } from './permissions-seed';
import { printRows, type Row } from './report';
import { random } from './seed';
import { fmt, fmtInt, log, median, nowMs, percentile, TENANT } from './util';

const EVENTS = 20_000;
const FOLDERS = 300;
const PEOPLE = { contacts: 20, collaborators: 10 };
/** events per append; each append recorded one second after the previous one */
const PER_APPEND = 10;
const COLD_QUERIES = 50;
const COLD_WHOLE = 10;
const WARM_QUERIES = 1_000;
/** the "well under 100 ms", on the p99 */
const TARGET_MS = 100;
/** ClientFolds reads this many events at a time */
const READ_STEP = 500;

const START = Date.UTC(2026, 0, 1);
const auditor: Principal = { sub: 'bench-auditor', tenant: TENANT, role: 'auditor' };

export interface Latencies {
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

export interface TimeTravelFigures {
  events: number;
  folders: number;
  principals: number;
  /** ms: the very first query of the process (after the last event), V8 compiling what it runs */
  firstOfProcess: number;
  /** the first query of the client (nothing in the query API's memory), at a random instant */
  cold: Latencies;
  /** the first query of the client, after its last event */
  coldWhole: Latencies;
  /** the same two before the projector's HistorySnapshotter has passed: folded from the first event */
  unsnapshotted: { cold: Latencies; coldWhole: Latencies };
  /** the HistorySnapshotter following the log from 0 to its head */
  snapshotter: { seconds: number; snapshots: number };
  /** later queries at random instants, from the states the first one kept */
  warm: Latencies;
  /** medians of the whole stream read as ClientFolds reads it, and of its fold alone */
  wholeStream: { readMs: number; foldMs: number };
}

export async function benchTimeTravel(dir: string): Promise<TimeTravelFigures> {
  const rnd = random(10);
  const clock = { now: START };
  const eventStore = new SqliteEventStore({
    filename: join(dir, 'time-travel-events.db'),
    synchronous: 'NORMAL',
    clock: () => clock.now,
  });
  const live = new SqliteReadStore({ filename: join(dir, 'time-travel-read.db'), normalizeText });
  try {
    const { clientId, events, folderIds, principalIds } = await seed(eventStore, clock, rnd);
    const end = clock.now;
    const pick = <T>(values: T[]) => values[Math.floor(rnd() * values.length)];
    const queries: (() => ClientQuery<unknown>)[] = [
      () => new GetClientQuery(auditor, clientId),
      () => new GetFolderTreeQuery(auditor, clientId),
      () => new GetFolderAccessQuery(auditor, clientId, pick(folderIds)),
      () => new GetVisibleFoldersQuery(auditor, clientId, pick(principalIds)),
    ];
    const randomQuery = (i: number) => {
      const asOf = new Date(START + rnd() * (end - START)).toISOString();
      return new TimeTravelQuery(queries[i % queries.length](), { asOf });
    };
    const time = async (handler: TimeTravelHandler, query: TimeTravelQuery<unknown>) => {
      const started = nowMs();
      // Folders created later, principals attached later: a 404 then is an answer too.
      await handler.execute(query).catch((error: unknown) => {
        if ((error as { kind?: string }).kind !== 'not_found') throw error;
      });
      return nowMs() - started;
    };
    const coldHandler = () => new TimeTravelHandler(live, new ClientFolds(eventStore, live));
    const atTheEnd = new TimeTravelQuery(new GetFolderTreeQuery(auditor, clientId), {
      asOf: new Date(end).toISOString(),
    });

    // The process's first query also pays V8's compiling of the code it runs, once for all clients
    // (then, untimed, a short one of each kind, for their handlers).
    const firstOfProcess = await time(coldHandler(), atTheEnd);
    for (const query of queries)
      await time(coldHandler(), new TimeTravelQuery(query(), { asOfRevision: 999 }));
    const firstQueries = async () => {
      const cold: number[] = [];
      for (let i = 0; i < COLD_QUERIES; i++) cold.push(await time(coldHandler(), randomQuery(i)));
      const coldWhole: number[] = [];
      for (let i = 0; i < COLD_WHOLE; i++) coldWhole.push(await time(coldHandler(), atTheEnd));
      return { cold: latencies(cold), coldWhole: latencies(coldWhole) };
    };
    const unsnapshotted = await firstQueries();
    const snapshotter = await followWithSnapshotter(eventStore, live);
    const { cold, coldWhole } = await firstQueries();

    const handler = coldHandler();
    await time(handler, atTheEnd); // the first query of a running API: keeps a state every 500 revisions
    const warm: number[] = [];
    for (let i = 0; i < WARM_QUERIES; i++) warm.push(await time(handler, randomQuery(i)));

    return {
      events,
      folders: folderIds.length,
      principals: principalIds.length,
      firstOfProcess,
      cold,
      coldWhole,
      unsnapshotted,
      snapshotter,
      warm: latencies(warm),
      wholeStream: await wholeStreamParts(eventStore, clientId),
    };
  } finally {
    await Promise.all([eventStore.close(), live.close()]);
  }
}

/**
 * One client's EVENTS events, appended PER_APPEND at a time, each append recorded a second after
 * the previous one. Only ids are kept: the query API does not hold a client's events in memory,
 * and 40,000 of them kept here would weigh on every garbage collection measured.
 */
async function seed(eventStore: EventStore, clock: { now: number }, rnd: () => number) {
  const tree = treeTemplate(FOLDERS, 6, rnd).folders;
  // More rights than needed: some change nothing and decide no event.
  const seeded = seedClient(new EventLog(), 'Client audité', PEOPLE, tree, 2 * EVENTS, rnd);
  const events = seeded.events.slice(0, EVENTS);
  const { clientId } = seeded.stream;
  const started = nowMs();
  for (let i = 0; i < events.length; i += PER_APPEND) {
    clock.now = START + (i / PER_APPEND) * 1000;
    const batch = events.slice(i, i + PER_APPEND).map(({ id, type, schemaVersion, data, metadata }) => ({
      id,
      type,
      schemaVersion,
      data,
      metadata,
    }));
    await eventStore.append(clientStreamId(clientId), batch, i === 0 ? 'no_stream' : i - 1);
  }
  log(`time travel: seeded ${events.length} events of one client in ${fmt((nowMs() - started) / 1000)} s`);
  return {
    clientId,
    events: events.length,
    folderIds: Object.keys(seeded.stream.client.folders),
    principalIds: seeded.stream.principals.map((p) => p.id),
  };
}

/** The projector's HistorySnapshotter, from position 0 until its checkpoint reaches the head (timed). */
async function followWithSnapshotter(eventStore: EventStore, readStore: ReadStore) {
  const started = nowMs();
  const snapshotter = new HistorySnapshotter(eventStore, readStore);
  await snapshotter.start();
  const head = await eventStore.headPosition();
  const checkpoints = readStore.collection<CheckpointDoc>(HISTORY_SNAPSHOTTER_CHECKPOINTS);
  while (((await checkpoints.find({}))[0]?.position ?? 0) < head) await new Promise((r) => setTimeout(r, 5));
  await snapshotter.stop();
  const seconds = (nowMs() - started) / 1000;
  const snapshots = await readStore.collection(HISTORY_SNAPSHOTS_COLLECTION).count({});
  log(`time travel: the snapshotter followed the log in ${fmt(seconds, 2)} s, ${snapshots} snapshots`);
  return { seconds, snapshots };
}

/** The cold fold's halves, each timed alone on the whole stream (a few runs, their medians). */
async function wholeStreamParts(eventStore: EventStore, clientId: string) {
  const reads: number[] = [];
  const folds: number[] = [];
  for (let run = 0; run < 5; run++) {
    let started = nowMs();
    const events: RecordedEvent[] = [];
    for (;;) {
      const read = await eventStore.readStream(clientStreamId(clientId), {
        fromRevision: events.length,
        maxCount: READ_STEP,
      });
      events.push(...read);
      if (read.length < READ_STEP) break;
    }
    reads.push(nowMs() - started);
    started = nowMs();
    foldProjections(TIME_TRAVEL_PROJECTIONS, events);
    folds.push(nowMs() - started);
  }
  return { readMs: median(reads), foldMs: median(folds) };
}

function latencies(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: values.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

export function timeTravelRows(f: TimeTravelFigures): Row[] {
  const client = `a ${fmtInt(f.events)}-event client (${f.folders} folders, ${f.principals} principals)`;
  const row = (what: string, l: Latencies): Row => ({
    what: `(h) time travel, ${what} (p50 / p99 / max of ${fmtInt(l.runs)})`,
    result: `${fmt(l.p50, 1)} / ${fmt(l.p99, 1)} / ${fmt(l.max, 1)} ms`,
    target: `p99 < ${TARGET_MS} ms`,
    pass: l.p99 < TARGET_MS,
  });
  const reference = (what: string, l: Latencies): Row => ({
    ...row(what, l),
    target: 'reference',
    pass: undefined,
  });
  return [
    row(`first asOf query of ${client}, at a random instant`, f.cold),
    row(`first asOf query of ${client}, after its last event`, f.coldWhole),
    row(`later asOf queries at random instants`, f.warm),
    reference(`before the snapshotter passed: first asOf query at a random instant`, f.unsnapshotted.cold),
    reference(
      `before the snapshotter passed: first asOf query after the last event`,
      f.unsnapshotted.coldWhole,
    ),
    {
      what: `(h) time travel: the projector's HistorySnapshotter following the ${fmtInt(f.events)}-event log`,
      result: `${fmt(f.snapshotter.seconds, 2)} s, ${fmtInt(f.snapshotter.snapshots)} snapshots`,
      target: 'reference',
    },
    {
      what: `(h) time travel: the process's very first query (the cold one after the last event, plus V8 compiling)`,
      result: `${fmt(f.firstOfProcess, 1)} ms`,
      target: 'reference',
    },
    {
      what: `(h) time travel: the whole stream read 500 events at a time / folded (medians of 5)`,
      result: `${fmt(f.wholeStream.readMs, 1)} / ${fmt(f.wholeStream.foldMs, 1)} ms`,
      target: 'reference',
    },
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dossiers-bench-'));
  try {
    printRows(timeTravelRows(await benchTimeTravel(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
