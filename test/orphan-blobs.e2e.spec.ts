import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Logger } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { OrphanBlobSweepScheduler } from '../apps/command-api/src/files/orphan-blob-sweep.scheduler';
import { asBinary } from './support/binary-body';
import { useStandalone } from './support/standalone-app';

/**
 * The crash windows of an upload, simulated on the standalone app: the process "dies" after the
 * blob is written and before its event is appended, or after the append and before the promote.
 * Either way the sweep settles the pending blob from the event store: deleted, or promoted.
 */
describe('orphan blobs: the crash windows of an upload', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  const events = () => suite.h.app.get<EventStore>(EVENT_STORE);
  const blobs = () => suite.h.app.get<BlobStore>(BLOB_STORE);
  const sweep = () =>
    suite.h.app
      .get(OrphanBlobSweepScheduler)
      // Past the grace period (BLOB_SWEEP_GRACE_MINUTES, 15 by default) of every blob of the test.
      .sweepNow(new Date(Date.now() + 16 * 60_000));
  let last = 0;
  let clientId: string;
  let folderId: string;

  const ok = async (path: string, body: object) => {
    const res = await http().post(path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position);
    return res.body;
  };
  const upload = async (content: Buffer) => {
    const { contentType, body } = multipartBody([{ name: 'file', filename: 'Bilan.pdf', content }]);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const res = await http()
      .post(`/clients/${clientId}/folders/${folderId}/files`)
      .set(suite.auth)
      .set('content-type', contentType)
      .send(Buffer.concat(chunks));
    if (res.body?.position) last = Math.max(last, res.body.position);
    return res;
  };
  const download = (fileId: string) =>
    http()
      .get(`/clients/${clientId}/files/${fileId}/content`)
      .set(suite.auth)
      .set('X-Min-Position', String(last))
      .buffer(true)
      .parse(asBinary);
  const blobFiles = () => {
    const root = join(suite.h.config.dataDir, 'blobs');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
      });
    return existsSync(root) ? walk(root).sort() : [];
  };
  const pendingFiles = () => blobFiles().filter((path) => path.startsWith('pending'));

  beforeAll(async () => {
    clientId = (await ok('/clients', { name: 'Crash test' })).id;
    folderId = (await ok(`/clients/${clientId}/folders`, { name: 'Factures' })).folderId;
  });
  beforeEach(() => {
    // The simulated crashes answer 500 or log a warning: expected here, so kept out of the output.
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a blob written by an upload that died before appending its event is swept away', async () => {
    const before = blobFiles();
    const eventsBefore = (await events().readAll()).length;
    // The process dies once the blob is written: the append never happens.
    jest.spyOn(events(), 'append').mockRejectedValueOnce(new Error('killed'));
    expect((await upload(randomBytes(5000))).status).toBe(500);

    expect((await events().readAll()).length).toBe(eventsBefore);
    const [pending] = pendingFiles().filter((path) => !path.endsWith('.json'));
    expect(pending).toBeDefined();
    const blobId = pending.slice('pending/'.length);
    expect(await blobs().size(blobId)).toBe(5000);

    // A sweep within the grace period leaves it: its upload might still be appending.
    expect(await suite.h.app.get(OrphanBlobSweepScheduler).sweepNow()).toEqual({
      promoted: [],
      deleted: [],
      kept: [],
      partialWrites: 0,
    });
    expect(await sweep()).toEqual({ promoted: [], deleted: [blobId], kept: [], partialWrites: 0 });
    expect(blobFiles()).toEqual(before);
    expect(await blobs().size(blobId)).toBeNull();
  });

  it('a blob whose event was appended but which was never promoted is promoted, and downloads throughout', async () => {
    // The process dies after the append, before the promote.
    jest.spyOn(blobs(), 'promote').mockRejectedValueOnce(new Error('killed'));
    const content = randomBytes(7000);
    const res = await upload(content);
    expect(res.status).toBe(201);
    const fileId: string = res.body.id;
    const [uploaded] = (await events().readStream(`client-${clientId}`)).filter(
      (event) => event.type === 'FileUploaded' && event.data.fileId === fileId,
    );
    const blobId = uploaded.data.blobId as string;
    expect(pendingFiles()).toEqual([join('pending', blobId), join('pending', `${blobId}.json`)]);

    const pendingDownload = await download(fileId);
    expect(pendingDownload.status).toBe(200);
    expect(Buffer.compare(pendingDownload.body as Buffer, content)).toBe(0);

    expect(await sweep()).toEqual({ promoted: [blobId], deleted: [], kept: [], partialWrites: 0 });
    expect(pendingFiles()).toEqual([]);
    expect(blobFiles()).toContain(join(blobId.slice(0, 2), blobId));
    const promotedDownload = await download(fileId);
    expect(promotedDownload.status).toBe(200);
    expect(Buffer.compare(promotedDownload.body as Buffer, content)).toBe(0);
    // A range too: the promoted blob is the same bytes.
    const range = await download(fileId).set('Range', 'bytes=10-19');
    expect(range.status).toBe(206);
    expect(Buffer.compare(range.body as Buffer, content.subarray(10, 20))).toBe(0);
  });

  it('a sweep never takes the blob of an upload still running in the process, however old it looks', async () => {
    // The append stalls until the sweep has run, with a clock far past the grace period.
    const append = events().append.bind(events());
    let stalled!: () => void;
    const sweepDone = new Promise<void>((resolve) => (stalled = resolve));
    let appendReached!: () => void;
    const reached = new Promise<void>((resolve) => (appendReached = resolve));
    jest.spyOn(events(), 'append').mockImplementationOnce(async (...args) => {
      appendReached();
      await sweepDone;
      return append(...args);
    });
    const content = randomBytes(4000);
    const uploading = upload(content);
    await reached;
    const outcome = await sweep();
    stalled();
    const res = await uploading;

    expect(outcome).toEqual({ promoted: [], deleted: [], kept: [expect.any(String)], partialWrites: 0 });
    expect(res.status).toBe(201);
    expect(pendingFiles()).toEqual([]);
    const downloaded = await download(res.body.id);
    expect(Buffer.compare(downloaded.body as Buffer, content)).toBe(0);
  });

  it('an upload that went through leaves nothing pending, and the sweep touches none of its blobs', async () => {
    const res = await upload(randomBytes(3000));
    expect(res.status).toBe(201);
    expect(pendingFiles()).toEqual([]);
    const before = blobFiles();
    expect(await sweep()).toEqual({ promoted: [], deleted: [], kept: [], partialWrites: 0 });
    expect(blobFiles()).toEqual(before);
    expect((await download(res.body.id)).status).toBe(200);
  });
});
