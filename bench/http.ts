import { fork } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { REACTOR_CHECKPOINTS_COLLECTION } from '@dossiers/notifications';
import { signToken } from '@dossiers/platform';
import { CHECKPOINTS_COLLECTION } from '@dossiers/read-models';
import { ServerChild, startFlags } from './files';
import type { Row } from './report';
import { fmt, fmtInt, log, percentile, TENANT } from './util';

/** The same load for the baseline and the system: 32 connections, 8 s a run, after a 2 s warm-up. */
export const CONNECTIONS = 32;
export const DURATION_SECONDS = 8;
const WARM_UP_SECONDS = 2;
const SECRET = 'bench-secret-long-enough-for-hs256-signatures';

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export interface HttpFigures {
  connections: number;
  durationSeconds: number;
  /** the server's node flags (npm start's) */
  nodeFlags: string[];
  clients: number;
  bareGet: LoadRun;
  barePost: LoadRun;
  getClient: LoadRun;
  listClients: LoadRun;
  postClient: LoadRun;
  /** 4 reads for 1 command per connection, in turn: the read right after each command asks for it */
  mixed: LoadRun;
  /** what X-Min-Position added to the reads right after a command (the server's Server-Timing) */
  minPositionWaitMs: { p50: number; p95: number; max: number; samples: number };
}

/**
 * (i) HTTP throughput: the standalone app on its embedded default (synchronous=FULL, as npm start
 * runs it, over `dataDir`'s stores, which hold `clients` clients of TENANT) against a bare Fastify
 * server, each alone in a child process, loaded in turn by autocannon from this process with the
 * same connections and duration. Every non-2xx answer fails the run: a fast error is no throughput.
 */
export async function benchHttp(dataDir: string, clientIds: string[], clients: number): Promise<HttpFigures> {
  const bare = new ServerChild(
    fork(join(__dirname, 'bare-fastify.child.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  let bareGet: LoadRun;
  let barePost: LoadRun;
  try {
    const { port } = await bare.next('ready');
    const url = `http://127.0.0.1:${port}`;
    await load({ url: `${url}/clients/${clientIds[0]}` }, WARM_UP_SECONDS);
    bareGet = await load({ url, requests: [{ method: 'GET', setupRequest: cycle(clientIds) }] });
    log(`http: bare Fastify GET ${describe(bareGet)}`);
    barePost = await load({ url, requests: [createClient(JSON_HEADERS)] });
    log(`http: bare Fastify POST ${describe(barePost)}`);
  } finally {
    await bare.stop();
  }

  const nodeFlags = startFlags();
  const server = new ServerChild(
    fork(join(__dirname, 'files.child.js'), [], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        AUTH_SECRET: SECRET,
        SQLITE_SYNCHRONOUS: 'FULL',
        LOG_LEVEL: 'warn',
        // One token makes every request of the run: limits far above it, the limiter still counting each.
        RATE_LIMIT_PER_PRINCIPAL: String(1e7),
        RATE_LIMIT_PER_TENANT: String(1e7),
        // Metrics on, as an operator runs it: every request is measured.
        METRICS_TOKEN: 'bench-metrics-token-0123456789',
      },
      execArgv: nodeFlags,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    const { port } = await server.next('ready');
    await caughtUp(dataDir);
    const url = `http://127.0.0.1:${port}`;
    const token = await signToken(SECRET, { tenant: TENANT, role: 'admin', sub: 'bench' });
    const headers = { authorization: `Bearer ${token}` };
    const jsonHeaders = { ...headers, ...JSON_HEADERS };

    await load({ url: `${url}/clients/${clientIds[0]}`, headers }, WARM_UP_SECONDS);
    const getClient = await load({
      url,
      headers,
      requests: [{ method: 'GET', setupRequest: cycle(clientIds) }],
    });
    log(`http: GET /clients/:id ${describe(getClient)}`);
    const listClients = await load({ url: `${url}/clients?pageSize=50`, headers });
    log(`http: GET /clients?pageSize=50 (${clients} clients) ${describe(listClients)}`);
    const postClient = await load({ url, requests: [createClient(jsonHeaders)] });
    log(`http: POST /clients ${describe(postClient)}`);

    const waits: number[] = [];
    const read = { method: 'GET', headers, setupRequest: cycle(clientIds) } as const;
    const mixed = await load({
      url,
      requests: [
        {
          ...createClient(jsonHeaders),
          onResponse: (_status: number, body: string, context: object) => {
            (context as Created).created = JSON.parse(body) as Created['created'];
          },
        },
        {
          method: 'GET',
          setupRequest: (request: autocannon.Request, context: object) => {
            const { created } = context as Created;
            return {
              ...request,
              path: `/clients/${created.id}`,
              headers: { ...headers, 'x-min-position': String(created.position) },
            };
          },
          onResponse: (
            _status: number,
            _body: string,
            _context: object,
            responseHeaders?: IncomingHttpHeaders,
          ) => {
            const timing = /min-position;dur=([\d.]+)/.exec(String(responseHeaders?.['server-timing'] ?? ''));
            if (timing) waits.push(Number(timing[1]));
          },
        },
        read,
        read,
        read,
      ],
    });
    log(`http: mixed 80 % GET / 20 % POST ${describe(mixed)}`);
    if (waits.length === 0) throw new Error('no read after a command reported its X-Min-Position wait');
    waits.sort((a, b) => a - b);
    const minPositionWaitMs = {
      p50: percentile(waits, 50),
      p95: percentile(waits, 95),
      max: waits[waits.length - 1],
      samples: waits.length,
    };
    log(`http: X-Min-Position wait p50 ${minPositionWaitMs.p50} ms, p95 ${minPositionWaitMs.p95} ms`);
    return {
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      nodeFlags,
      clients,
      bareGet,
      barePost,
      getClient,
      listClients,
      postClient,
      mixed,
      minPositionWaitMs,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Until every checkpoint of the server (the projections' and the mail reactors', which a rebuild
 * does not move: they start from 0 on a copied store) has reached the event store's head: the
 * load measures requests, not the catch-up of 300,000 events by the reactors meanwhile.
 */
export async function caughtUp(dataDir: string, timeoutMs = 10 * 60_000): Promise<void> {
  const events = new Database(join(dataDir, 'events.db'), { readonly: true });
  const reads = new Database(join(dataDir, 'read-models.db'), { readonly: true });
  const started = Date.now();
  try {
    const head = (events.prepare('SELECT max(position) AS head FROM events').get() as { head: number }).head;
    for (;;) {
      const exists = reads.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
      const behind = [CHECKPOINTS_COLLECTION, REACTOR_CHECKPOINTS_COLLECTION].flatMap((table) =>
        exists.get(table)
          ? (reads.prepare(`SELECT doc FROM "${table}"`).all() as { doc: string }[])
              .map(({ doc }) => JSON.parse(doc) as { _id: string; position: number })
              .filter(({ position }) => position < head)
              .map(({ _id }) => _id)
          : [table],
      );
      if (behind.length === 0) return;
      if (Date.now() - started > timeoutMs)
        throw new Error(`the server's ${behind.join(', ')} did not reach position ${head} in time`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    events.close();
    reads.close();
  }
}

/** What a connection keeps of its last command, for the read that follows it. */
interface Created {
  created: { id: string; position: number };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** One request after the other through these client ids, shared by every connection. */
function cycle(ids: string[]): (request: autocannon.Request) => autocannon.Request {
  let next = 0;
  return (request) => ({ ...request, path: `/clients/${ids[next++ % ids.length]}` });
}

/** POST /clients with a name no other request of the run uses. */
function createClient(headers: Record<string, string>) {
  let next = 0;
  const run = Date.now().toString(36);
  return {
    method: 'POST' as const,
    path: '/clients',
    headers,
    setupRequest: (request: autocannon.Request) => ({
      ...request,
      body: JSON.stringify({ name: `Charge ${run} ${next++}` }),
    }),
  };
}

async function load(
  options: Omit<autocannon.Options, 'connections' | 'duration'>,
  durationSeconds = DURATION_SECONDS,
): Promise<LoadRun> {
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: durationSeconds });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${options.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers ` +
        `(${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}

const describe = (run: LoadRun): string =>
  `${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`;

/** What issue 13 asks of the HTTP routes, as fractions of the bare server measured in the same run. */
export function httpRows(f: HttpFigures): Row[] {
  const load = `${f.connections} connections, ${f.durationSeconds} s`;
  const ratio = (what: string, run: LoadRun, base: LoadRun, min: number, p99Limit: number): Row => {
    const share = run.requestsPerSecond / base.requestsPerSecond;
    return {
      what: `(i) ${what} vs bare Fastify (${load}; p99)`,
      result: `${fmtInt(run.requestsPerSecond)} vs ${fmtInt(base.requestsPerSecond)} req/s = ${fmt(share * 100, 0)} % (p99 ${fmt(run.p99Ms, 0)} ms)`,
      target: `≥ ${min * 100} %, p99 ≤ ${p99Limit} ms`,
      pass: share >= min && run.p99Ms <= p99Limit,
    };
  };
  return [
    ratio('GET /clients/:id', f.getClient, f.bareGet, 0.4, 20),
    ratio(`GET /clients?pageSize=50 at ${fmtInt(f.clients)} clients`, f.listClients, f.bareGet, 0.25, 20),
    ratio('POST /clients (synchronous=FULL)', f.postClient, f.barePost, 0.2, 40),
    {
      what: `(i) mixed: 4 GET /clients/:id for 1 POST /clients per connection (${load})`,
      result: `${fmtInt(f.mixed.requestsPerSecond)} req/s (p50 ${fmt(f.mixed.p50Ms, 0)} ms, p99 ${fmt(f.mixed.p99Ms, 0)} ms)`,
      target: 'reference',
    },
    {
      what: `(i) X-Min-Position wait of the read right after each command, mixed load (p50 / p95 of ${fmtInt(f.minPositionWaitMs.samples)})`,
      result: `${fmt(f.minPositionWaitMs.p50, 1)} / ${fmt(f.minPositionWaitMs.p95, 1)} ms`,
      target: 'p95 ≤ 5 ms',
      pass: f.minPositionWaitMs.p95 <= 5,
    },
  ];
}
