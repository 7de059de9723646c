import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { signToken } from '@dossiers/platform';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { log, median, nowMs, npmScriptNodeFlags, TENANT } from './util';

export const FILE_MB = 200;
/** Each round uploads a new file and downloads it: three show whether anything accumulates. */
export const ROUNDS = 3;
const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const WARM_UP_BYTES = 1 * MB;
/** The server's limit for the run (its default, 100 MB, is below the file). */
const MAX_UPLOAD_MB = 512;
const SECRET = 'bench-secret-long-enough-for-hs256-signatures';

/** What bench/files.child.js reports for one transfer (sizes in MiB). */
export interface ServerMemory {
  beforeMb: number;
  afterMb: number;
  /** the highest of the 50 ms samples */
  sampledPeakMb: number;
  /** the kernel's VmHWM, reset when the transfer began: the true peak; undefined off Linux */
  highWaterMarkMb?: number;
  samples: number;
  /** what the highest sample was made of */
  atPeakMb?: { heapUsed: number; external: number; arrayBuffers: number };
}

export interface TransferFigures {
  /** each round's time, as the client saw it: from the first byte sent to the last received */
  seconds: number[];
  /** FILE_MB over the median time */
  mbPerSecond: number;
  /** the server's memory during each round's transfer */
  server: ServerMemory[];
}

export interface FilesFigures {
  fileMb: number;
  rounds: number;
  /** the server's node flags: npm start's (package.json), or BENCH_FILES_NODE_FLAGS' */
  nodeFlags: string[];
  /** the server's RSS once listening, before any request */
  startedRssMb: number;
  /** the server's RSS just before the first upload: the baseline growth is measured from */
  baselineRssMb: number;
  upload: TransferFigures;
  download: TransferFigures;
  /** the server's RSS once every round was over */
  finalRssMb: number;
  /** each round: the sha256 the client computed while sending is the one listed, and the download's */
  sha256Matches: boolean;
}

/** The highest RSS of a transfer: the kernel's high-water mark when there is one, else the samples'. */
export const peakMb = (m: ServerMemory): number => Math.max(m.highWaterMarkMb ?? 0, m.sampledPeakMb);
export const highestPeakMb = (t: TransferFigures): number => Math.max(...t.server.map(peakMb));

export type ChildMessage =
  | { type: 'ready'; port: number; rssMb: number }
  | { type: 'begun'; phase: string }
  | ({ type: 'phase'; phase: string } & ServerMemory);

/**
 * (f) A 200 MB file uploaded to and downloaded from the standalone app, which runs alone in a
 * child process (bench/files.child.js, over dist/) so that its RSS is the server's only. This
 * process is the client: it sends pseudo-random 64 KB chunks made as it goes, hashing them, and
 * hashes the download as it arrives; nothing holds the whole file. One small untimed upload and
 * download first, so both routes have been served once before anything is measured.
 */
export async function benchFiles(dir: string): Promise<FilesFigures> {
  const dataDir = join(dir, 'files-data');
  mkdirSync(dataDir, { recursive: true });
  // BENCH_FILES_NODE_FLAGS replaces npm start's flags, for experiments ('' for none): the figures say so.
  const override = process.env.BENCH_FILES_NODE_FLAGS;
  const nodeFlags = override === undefined ? startFlags() : override.split(' ').filter(Boolean);
  const child = fork(join(__dirname, 'files.child.js'), [], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      AUTH_SECRET: SECRET,
      MAX_UPLOAD_MB: String(MAX_UPLOAD_MB),
      LOG_LEVEL: 'warn',
    },
    execArgv: nodeFlags,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const server = new ServerChild(child);
  try {
    const ready = await server.next('ready');
    const api = new Api(ready.port, await signToken(SECRET, { tenant: TENANT, role: 'admin', sub: 'bench' }));
    log(`files: server listening on port ${ready.port}, RSS ${ready.rssMb.toFixed(0)} MB`);

    const client = await api.json('POST', '/clients', { name: 'Fichiers volumineux' });
    const { folderId } = await api.json('POST', `/clients/${client.id}/folders`, { name: 'Bilans' });
    const folderFiles = `/clients/${client.id}/folders/${folderId}/files`;
    const content = (fileId: string) => `/clients/${client.id}/files/${fileId}/content`;

    const warmUp = await api.upload(folderFiles, WARM_UP_BYTES);
    await api.download(content(warmUp.id), warmUp.position);

    const size = FILE_MB * MB;
    const upload: TransferFigures = { seconds: [], mbPerSecond: 0, server: [] };
    const download: TransferFigures = { seconds: [], mbPerSecond: 0, server: [] };
    let sha256Matches = true;
    for (let round = 1; round <= ROUNDS; round++) {
      const sent = await server.measure('upload', () => api.upload(folderFiles, size));
      log(
        `files: round ${round}, uploaded ${FILE_MB} MB in ${sent.seconds.toFixed(2)} s, ${describe(sent.server)}`,
      );
      upload.seconds.push(sent.seconds);
      upload.server.push(sent.server);

      const listed = (await api.json('GET', folderFiles, undefined, sent.result.position)) as {
        items: { id: string; size: number; sha256: string }[];
      };
      const stored = listed.items.find((item) => item.id === sent.result.id);
      if (!stored || stored.size !== size)
        throw new Error(`the upload is listed as ${JSON.stringify(stored)}, expected ${size} bytes`);

      const received = await server.measure('download', () =>
        api.download(content(sent.result.id), sent.result.position),
      );
      log(
        `files: round ${round}, downloaded ${FILE_MB} MB in ${received.seconds.toFixed(2)} s, ${describe(received.server)}`,
      );
      if (received.result.bytes !== size)
        throw new Error(`downloaded ${received.result.bytes} bytes, sent ${size}`);
      download.seconds.push(received.seconds);
      download.server.push(received.server);
      sha256Matches &&= stored.sha256 === sent.result.sha256 && received.result.sha256 === sent.result.sha256;
    }
    upload.mbPerSecond = FILE_MB / median(upload.seconds);
    download.mbPerSecond = FILE_MB / median(download.seconds);
    return {
      fileMb: FILE_MB,
      rounds: ROUNDS,
      nodeFlags,
      startedRssMb: ready.rssMb,
      baselineRssMb: upload.server[0].beforeMb,
      upload,
      download,
      finalRssMb: download.server[ROUNDS - 1].afterMb,
      sha256Matches,
    };
  } finally {
    await server.stop();
  }
}

/** The node flags `npm start` gives the standalone app, so that it runs here as it does there. */
export const startFlags = (): string[] => npmScriptNodeFlags('start', 'dist/apps/standalone/src/main.js');

const describe = (m: ServerMemory): string =>
  `server RSS ${m.beforeMb.toFixed(0)} MB before, peak ${peakMb(m).toFixed(0)} MB ` +
  `(sampled ${m.sampledPeakMb.toFixed(0)} MB), ${m.afterMb.toFixed(0)} MB after`;

/** The forked server: its messages in order, and the memory it reports around a measured step. */
export class ServerChild {
  private readonly queue: ChildMessage[] = [];
  private waiting?: (message: ChildMessage) => void;
  private readonly exited: Promise<number | null>;

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ChildMessage) => {
      if (this.waiting) this.waiting(message);
      else this.queue.push(message);
    });
    this.exited = new Promise((resolve) => child.on('exit', resolve));
    void this.exited.then((code) => this.waiting?.({ type: 'exit', code } as never));
  }

  async next<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const message =
      this.queue.shift() ?? (await new Promise<ChildMessage>((resolve) => (this.waiting = resolve)));
    this.waiting = undefined;
    if (message.type !== type)
      throw new Error(`the server child sent ${JSON.stringify(message)}, not ${type}`);
    return message as Extract<ChildMessage, { type: T }>;
  }

  async measure<R>(
    phase: string,
    step: () => Promise<R>,
  ): Promise<{ result: R; seconds: number; server: ServerMemory }> {
    this.child.send({ type: 'begin', phase });
    await this.next('begun');
    const start = nowMs();
    const result = await step();
    const seconds = (nowMs() - start) / 1000;
    this.child.send({ type: 'end', phase });
    const { type: _type, phase: _phase, ...server } = await this.next('phase');
    return { result, seconds, server };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'stop' });
    else this.child.kill();
    const timer = setTimeout(() => this.child.kill(), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The client side: plain node:http, streaming both ways. */
class Api {
  constructor(
    private readonly port: number,
    private readonly token: string,
  ) {}

  private open(method: string, path: string, headers: Record<string, string | number> = {}) {
    return request({
      host: '127.0.0.1',
      port: this.port,
      method,
      path,
      headers: { authorization: `Bearer ${this.token}`, ...headers },
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async json(method: string, path: string, body?: object, minPosition?: number): Promise<any> {
    const headers: Record<string, string | number> = {};
    if (body) headers['content-type'] = 'application/json';
    if (minPosition !== undefined) headers['x-min-position'] = minPosition;
    const req = this.open(method, path, headers);
    req.end(body ? JSON.stringify(body) : undefined);
    const res = await response(req);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    if (res.statusCode! >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
    return JSON.parse(text);
  }

  /** Sends `size` pseudo-random bytes as the form's `file`; answers the new file's id and the sha256 sent. */
  async upload(path: string, size: number): Promise<{ id: string; position: number; sha256: string }> {
    const hash = createHash('sha256');
    async function* content() {
      for (let sent = 0; sent < size; sent += CHUNK_BYTES) {
        const chunk = randomBytes(Math.min(CHUNK_BYTES, size - sent));
        hash.update(chunk);
        yield chunk;
      }
    }
    const { contentType, body } = multipartBody([
      { name: 'file', filename: 'Grand livre 2026.pdf', content: content(), contentType: 'application/pdf' },
    ]);
    const req = this.open('POST', path, { 'content-type': contentType, 'transfer-encoding': 'chunked' });
    const answered = response(req);
    await pipeline(body, req);
    const res = await answered;
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${text}`);
    const { id, position } = JSON.parse(text) as { id: string; position: number };
    return { id, position, sha256: hash.digest('hex') };
  }

  /** Reads the whole content, hashing it as it arrives. */
  async download(path: string, minPosition: number): Promise<{ bytes: number; sha256: string }> {
    const req = this.open('GET', path, { 'x-min-position': minPosition });
    req.end();
    const res = await response(req);
    if (res.statusCode !== 200) throw new Error(`download: ${res.statusCode}`);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of res) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { bytes, sha256: hash.digest('hex') };
  }
}

async function response(req: ReturnType<typeof request>): Promise<IncomingMessage> {
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  return res;
}
