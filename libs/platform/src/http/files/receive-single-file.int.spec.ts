import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import fastify, { type FastifyInstance } from 'fastify';
import { LocalDiskBlobStore } from '@dossiers/blob-store';
import { checkFileName, validOrThrow } from '@dossiers/domain';
import { toErrorResponse } from '../error-response.filter';
import { registerFileUploads } from './register-file-uploads';
import { receiveSingleFile } from './receive-single-file';
import { multipartBody, type FormPart } from './testing/multipart-body';

const LIMIT = 1024 * 1024;

/** `size` random bytes in 64 kB chunks, generated as they are read. */
function randomContent(size: number, hash = createHash('sha256')) {
  async function* chunks() {
    for (let sent = 0; sent < size; sent += 64 * 1024) {
      const chunk = randomBytes(Math.min(64 * 1024, size - sent));
      hash.update(chunk);
      yield chunk;
    }
  }
  return { content: chunks(), sha256: () => hash.digest('hex') };
}

/**
 * The upload flow a file route follows: receive the one file, check its name, stream it into the
 * blob store. Each request's outcome is kept so that a test can wait for a handler the client
 * no longer waits for.
 */
describe('receiveSingleFile', () => {
  let app: FastifyInstance;
  let root: string;
  let store: LocalDiskBlobStore;
  let handled: Promise<unknown>[];

  beforeAll(async () => {
    app = fastify();
    await registerFileUploads(app, LIMIT);
    app.setErrorHandler((error, request, reply) => {
      const { status, body } = toErrorResponse(error, request);
      void reply.status(status).send(body);
    });
    app.post('/upload', (request) => {
      const outcome = (async () => {
        const file = await receiveSingleFile(request, { maxBytes: LIMIT });
        let name: string;
        try {
          name = validOrThrow(checkFileName(file.filename));
        } catch (error) {
          file.stream.destroy();
          throw error;
        }
        const blob = await store.write(file.stream, {
          maxBytes: LIMIT,
          tenant: 'firm',
          owner: { clientId: 'client' },
        });
        // Where a file route appends the event naming the blob, then promotes it.
        await store.promote(blob.blobId);
        return { name, mimetype: file.mimetype, fields: file.fields, blob };
      })();
      handled.push(outcome.catch(() => undefined));
      return outcome;
    });
    // A handler that refuses before reading the file (no right on the folder, say).
    app.post('/refuse', async (request, reply) => {
      await receiveSingleFile(request, { maxBytes: LIMIT });
      return reply.status(404).send({ code: 'FOLDER_NOT_FOUND' });
    });
    app.get('/ping', async () => 'pong');
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'upload-'));
    store = new LocalDiskBlobStore(root);
    handled = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const stored = () =>
    readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const upload = (parts: FormPart[], options?: { unterminated?: boolean }) => {
    const { contentType, body } = multipartBody(parts, options);
    return app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': contentType },
      payload: body,
    });
  };
  const fileError = (message: string) => ({
    code: 'VALIDATION',
    message: 'The request is invalid',
    errors: [{ field: 'file', message: expect.stringContaining(message) }],
  });

  it('streams the file into the store, with the fields around it', async () => {
    const { content, sha256 } = randomContent(LIMIT - 1);
    const res = await upload([
      { name: 'comment', value: 'before' },
      { name: 'file', filename: 'Reçu été 2024.pdf', contentType: 'application/pdf', content },
      { name: 'after', value: 'the file' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: 'Reçu été 2024.pdf',
      mimetype: 'application/pdf',
      fields: { comment: 'before', after: 'the file' },
      blob: { blobId: expect.any(String), size: LIMIT - 1, sha256: sha256() },
    });
    expect(stored()).toHaveLength(1);
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await upload([{ name: 'file', filename: 'a.bin', content: randomContent(LIMIT).content }]);
    expect(res.statusCode).toBe(200);
    expect(res.json().blob.size).toBe(LIMIT);
  });

  it.each([
    ['one byte over', LIMIT + 1],
    ['far over', 20 * LIMIT],
  ])('answers 413 for a file %s the limit, and stores nothing', async (_, size) => {
    const res = await upload([{ name: 'file', filename: 'big.bin', content: randomContent(size).content }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('1 MB') });
    expect(stored()).toEqual([]);
  });

  it('answers 400 naming file when there is no file part, or no multipart body at all', async () => {
    const res = await upload([{ name: 'comment', value: 'no file' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(fileError('is required'));
    const empty = await app.inject({ method: 'POST', url: '/upload' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual(fileError('multipart/form-data'));
  });

  it('answers 400 naming file for a second file, and stores nothing', async () => {
    const res = await upload([
      { name: 'file', filename: 'one.txt', content: Buffer.from('one') },
      { name: 'file', filename: 'two.txt', content: Buffer.from('two') },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(fileError('single file'));
    expect(stored()).toEqual([]);
  });

  it.each(['../../etc/passwd', '..\\..\\x', 'C:\\Users\\me\\bilan.pdf', 'a/b/c.pdf', 'invoice\u202efdp.exe'])(
    'hands the name %j over as sent, to be refused, and stores nothing',
    async (filename) => {
      const res = await upload([{ name: 'file', filename, content: randomContent(3 * LIMIT).content }]);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'file.name', message: expect.any(String) }]);
      expect(stored()).toEqual([]);
    },
  );

  it('answers 400 naming file for a body cut short, and stores nothing', async () => {
    const res = await upload(
      [{ name: 'file', filename: 'cut.bin', content: randomContent(300_000).content }],
      {
        unterminated: true,
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(fileError('incomplete'));
    expect(stored()).toEqual([]);
  });

  it.each([
    ['/upload', 'too large', 413],
    ['/refuse', 'refused before being read', 404],
  ])(
    'reads and drops the rest of an upload to %s %s, so the connection serves the next request',
    async (path, _, status) => {
      const { port } = app.server.address() as AddressInfo;
      const { contentType, body } = multipartBody([
        { name: 'file', filename: 'big.bin', content: randomContent(3 * LIMIT).content },
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      const payload = Buffer.concat(chunks);
      const answers = await rawExchange(port, [
        Buffer.from(
          `POST ${path} HTTP/1.1\r\nHost: test\r\nContent-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`,
        ),
        payload,
        Buffer.from('GET /ping HTTP/1.1\r\nHost: test\r\n\r\n'),
      ]);
      expect(answers).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(answers).toMatch(/HTTP\/1.1 200 OK[\s\S]*pong$/);
    },
  );

  it('stores nothing when the client goes away midway', async () => {
    const { address, port } = app.server.address() as AddressInfo;
    const { contentType, body } = multipartBody([
      { name: 'file', filename: 'gone.bin', content: randomContent(3 * LIMIT).content },
    ]);
    const client = httpRequest({
      host: address,
      port,
      method: 'POST',
      path: '/upload',
      headers: { 'content-type': contentType },
    });
    client.on('error', () => undefined);
    let sent = 0;
    for await (const chunk of body) {
      client.write(chunk);
      sent += (chunk as Buffer).length;
      if (sent > LIMIT / 2) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await waitFor(() => handled.length === 1);
    await Promise.all(handled);
    expect(stored()).toEqual([]);
  });
});

/** Writes the bytes on one connection, as fast as it accepts them, and reads until `pong` or a close. */
function rawExchange(port: number, writes: Buffer[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(
      () => (socket.destroy(), reject(new Error(`stalled after: ${received}`))),
      10_000,
    );
    const done = () => (clearTimeout(timer), socket.destroy(), resolve(received));
    socket.on('data', (data) => (received += data.toString()) && received.endsWith('pong') && done());
    socket.on('close', done);
    socket.on('error', reject);
    void (async () => {
      for (const bytes of writes)
        if (!socket.write(bytes)) await new Promise((drained) => socket.once('drain', drained));
    })();
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
