import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeText } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore } from '@dossiers/read-store';
import { signToken } from '@dossiers/platform';
import { TEST_SECRET } from './support/standalone-app';

const CONCURRENCY = 16;
/** SIGTERM once this many requests have been answered: the load is then at full speed. */
const ANSWERED_BEFORE_SIGTERM = 150;

/**
 * What one POST /clients came to, from the client's side. `complete`: a whole HTTP response
 * arrived. Otherwise `error` is the socket's error and `gotBytes` says whether any of a response
 * had arrived before it. `id`: its X-Request-Id, which the server's log shows once it reads it.
 */
interface Outcome {
  id: string;
  name: string;
  status?: number;
  complete: boolean;
  error?: string;
  gotBytes: boolean;
  /** the request was written out before the SIGTERM and not answered by then */
  inFlightAtSigterm: boolean;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The standalone app in its own process, as `npm start` runs it; resolves once it listens. */
async function startStandaloneProcess(dataDir: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/standalone/src/main.ts'], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      AUTH_SECRET: TEST_SECRET,
      // debug: each request's arrival is logged, which says which requests the server read (see `accepted`).
      LOG_LEVEL: 'debug',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      RATE_LIMIT_PER_PRINCIPAL: '0',
      RATE_LIMIT_PER_TENANT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('dossiers listening')) resolve();
    });
    child.stderr!.on('data', (chunk) => (output += String(chunk)));
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening:\n${output}`)));
  });
  return { child, output: () => output };
}

/** How a connection the server never read a request from ends, seen from the client. */
const RESETS = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'];

/** The ids of the requests the server read, from its request logs (JSON lines on stdout). */
function requestIdsLogged(output: string): string[] {
  return output.split('\n').flatMap((line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; correlationId?: string };
      return entry.msg === 'incoming request' && entry.correlationId ? [entry.correlationId] : [];
    } catch {
      return []; // Nest's banner, the listening line's neighbours: not request logs
    }
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

/** One POST /clients on a connection of its own (no keep-alive), recorded whatever happens. */
function postClient(port: number, token: string, n: number, state: { onSigterm: (() => void)[] }) {
  return new Promise<Outcome>((resolve) => {
    const name = `Charge ${n}`;
    const outcome: Outcome = {
      id: `load-${n}`,
      name,
      complete: false,
      gotBytes: false,
      inFlightAtSigterm: false,
    };
    let written = false;
    let answered = false;
    const body = JSON.stringify({ name });
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/clients',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'x-request-id': outcome.id,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        answered = true;
        outcome.gotBytes = true;
        outcome.status = res.statusCode;
        res.resume();
        res.on('end', () => {
          outcome.complete = res.complete;
          resolve(outcome);
        });
        res.on('error', (error: NodeJS.ErrnoException) => {
          outcome.error = error.code ?? error.message;
          resolve(outcome);
        });
      },
    );
    req.on('finish', () => (written = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      outcome.error = error.code ?? error.message;
      resolve(outcome);
    });
    state.onSigterm.push(() => (outcome.inFlightAtSigterm = written && !answered));
    req.end(body);
  });
}

describe('graceful shutdown of the standalone process (SIGTERM)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'graceful-shutdown-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('under load: stores every acknowledged command, cuts no request, exits 0, leaves no half batch', async () => {
    const port = await freePort();
    const { child, output } = await startStandaloneProcess(dataDir, port);
    const exited = exitOf(child);
    const token = await signToken(TEST_SECRET, { tenant: 'firm', role: 'admin', sub: 'loader' });
    const state = { sigtermSent: false, onSigterm: [] as (() => void)[] };
    const outcomes: Outcome[] = [];
    let next = 0;

    // Each loop sends its requests one after the other until the server refuses connections.
    const loop = async () => {
      for (;;) {
        const outcome = await postClient(port, token, next++, state);
        outcomes.push(outcome);
        if (!state.sigtermSent && outcomes.filter((o) => o.complete).length >= ANSWERED_BEFORE_SIGTERM) {
          state.sigtermSent = true;
          state.onSigterm.splice(0).forEach((mark) => mark());
          child.kill('SIGTERM');
        }
        if (outcome.error === 'ECONNREFUSED') return;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, loop));
    const { code, signal } = await exited;
    expect({ code, signal, output: code === 0 ? '' : output() }).toEqual({
      code: 0,
      signal: null,
      output: '',
    });

    const events = new SqliteEventStore({ filename: join(dataDir, 'events.db') });
    const readStore = new SqliteReadStore({ filename: join(dataDir, 'read-models.db'), normalizeText });
    try {
      const created = (await events.readAll()).filter((event) => event.type === 'ClientCreated');
      const stored = new Set(created.map((event) => (event.data as { name: string }).name));

      // A request is accepted once the server has read it: its request log line names its id. It is
      // cut if it is accepted and gets no complete response, or if a response starts and breaks off.
      const accepted = new Set(requestIdsLogged(output()));
      expect(outcomes.filter((o) => accepted.has(o.id) && !o.complete).map((o) => [o.id, o.error])).toEqual(
        [],
      );
      expect(outcomes.filter((o) => !o.complete && o.gotBytes).map((o) => o.id)).toEqual([]);
      // Acknowledged (2xx): stored. Any other complete answer is a 503 SHUTTING_DOWN that did nothing.
      const acknowledged = outcomes.filter((o) => o.complete && o.status! >= 200 && o.status! < 300);
      expect(acknowledged.filter((o) => !stored.has(o.name)).map((o) => o.name)).toEqual([]);
      expect(acknowledged.filter((o) => !accepted.has(o.id)).map((o) => o.id)).toEqual([]);
      const declined = outcomes.filter((o) => o.complete && !acknowledged.includes(o));
      expect(declined.map((o) => [o.status, stored.has(o.name)])).toEqual(declined.map(() => [503, false]));
      // Not accepted: refused (the listener closed), or reset by the kernel while it waited in the
      // accept queue or unread; nothing done either way.
      const unanswered = outcomes.filter((o) => !o.complete);
      expect(unanswered.filter((o) => stored.has(o.name) || !RESETS.includes(o.error!))).toEqual([]);
      expect(unanswered.map((o) => o.error)).toContain('ECONNREFUSED');
      // The drain was tested: requests in flight at the SIGTERM were answered and stored.
      expect(acknowledged.filter((o) => o.inFlightAtSigterm).length).toBeGreaterThan(0);

      // The projector stopped between two batches: its read model holds exactly the clients created
      // up to its checkpoint.
      const checkpoint = (
        await readStore
          .collection<{ _id: string; position: number }>('projection_checkpoints')
          .findById('client-list')
      )?.position;
      expect(checkpoint).toBeGreaterThan(0);
      const projected = (await readStore.collection<{ _id: string }>('clients').find({})).map(
        (doc) => doc._id,
      );
      const upToCheckpoint = created
        .filter((event) => event.position <= checkpoint!)
        .map((event) => (event.data as { clientId: string }).clientId);
      expect(projected.sort()).toEqual(upToCheckpoint.sort());
    } finally {
      await Promise.all([events.close(), readStore.close()]);
    }
  }, 120_000);

  it('cuts a request still running after SHUTDOWN_TIMEOUT_MS, and still exits 0', async () => {
    const port = await freePort();
    const { child, output } = await startStandaloneProcess(dataDir, port, { SHUTDOWN_TIMEOUT_MS: '500' });
    const exited = exitOf(child);
    const token = await signToken(TEST_SECRET, { tenant: 'firm', role: 'admin', sub: 'slow' });

    // A body that never ends: once the server has answered 100 Continue, the request is its own.
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => (received += String(chunk)));
    socket.write(
      'POST /clients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${token}\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n`,
    );
    await new Promise<void>((resolve) =>
      socket.on('data', () => received.includes('100 Continue') && resolve()),
    );
    socket.write('{"name":');

    child.kill('SIGTERM');
    const { code, signal } = await exited;
    await closed;
    expect({ code, signal, output: code === 0 ? '' : output() }).toEqual({
      code: 0,
      signal: null,
      output: '',
    });
    expect(received).not.toMatch(/HTTP\/1\.1 [2-5]\d\d/);
  }, 120_000);
});
