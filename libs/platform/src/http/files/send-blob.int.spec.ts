import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fastify, { type FastifyInstance } from 'fastify';
import { sendBlob, type SendableBlob } from './send-blob';

/** A blob whose byte i is i mod 256, opened as a stream: nothing is held whole. */
function generatedBlob(size: number): SendableBlob & { opened: unknown[] } {
  const opened: unknown[] = [];
  return {
    size,
    opened,
    open: async (range) => {
      opened.push(range);
      const start = range?.start ?? 0;
      const end = range ? range.end + 1 : size;
      async function* bytes() {
        const chunkSize = 64 * 1024;
        for (let offset = start; offset < end; offset += chunkSize) {
          const chunk = Buffer.alloc(Math.min(chunkSize, end - offset));
          for (let i = 0; i < chunk.length; i++) chunk[i] = (offset + i) % 256;
          yield chunk;
        }
      }
      return Readable.from(bytes(), { objectMode: false });
    },
  };
}

const bytesOf = (start: number, end: number) =>
  Buffer.from(Array.from({ length: end - start + 1 }, (_, i) => (start + i) % 256));

describe('sendBlob', () => {
  let app: FastifyInstance;
  let blob: ReturnType<typeof generatedBlob>;
  let fileName = 'Bilan 2024.pdf';
  let contentType: string | undefined = 'application/pdf';

  beforeAll(async () => {
    app = fastify();
    app.get('/file', (request, reply) =>
      sendBlob(reply, request, blob, { fileName, contentType, etag: 'v1-sha' }),
    );
    await app.ready();
  });
  afterAll(() => app.close());
  beforeEach(() => {
    blob = generatedBlob(1000);
    fileName = 'Bilan 2024.pdf';
    contentType = 'application/pdf';
  });

  const get = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/file', headers });

  it('answers 200 with the whole body and the download headers', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(bytesOf(0, 999));
    expect(res.headers).toMatchObject({
      'accept-ranges': 'bytes',
      'content-length': '1000',
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="Bilan 2024.pdf"',
      etag: '"v1-sha"',
      'x-content-type-options': 'nosniff',
    });
    expect(res.headers['content-range']).toBeUndefined();
    expect(blob.opened).toEqual([undefined]);
  });

  it.each([
    ['bytes=100-199', 100, 199],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=0-0', 0, 0],
    ['bytes=995-5000', 995, 999],
  ])('answers 206 for %s, opening only that range', async (range, start, end) => {
    const res = await get({ range });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.rawPayload).toEqual(bytesOf(start, end));
    expect(blob.opened).toEqual([{ start, end }]);
  });

  it('answers 416 with the size when no byte of the range exists, opening nothing', async () => {
    const res = await get({ range: 'bytes=1000-2000' });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe('bytes */1000');
    expect(res.json()).toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
    expect(blob.opened).toEqual([]);
  });

  it('ignores several ranges and malformed ones: the whole body', async () => {
    for (const range of ['bytes=0-1,5-6', 'bytes=9-3', 'lines=1-2']) {
      const res = await get({ range });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toHaveLength(1000);
    }
  });

  it('applies If-Range only with the current tag', async () => {
    expect((await get({ range: 'bytes=0-9', 'if-range': '"v1-sha"' })).statusCode).toBe(206);
    const stale = await get({ range: 'bytes=0-9', 'if-range': '"v0-old"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload).toHaveLength(1000);
  });

  it('offers a non-ASCII name as filename* (RFC 8187) with an ASCII fallback', async () => {
    fileName = 'Reçu "été" 2024.pdf';
    contentType = undefined;
    const res = await get();
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Re?u \\"?t?\\" 2024.pdf"; filename*=UTF-8''Re%C3%A7u%20%22%C3%A9t%C3%A9%22%202024.pdf`,
    );
  });

  it('serves an empty file', async () => {
    blob = generatedBlob(0);
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe('0');
    expect(res.rawPayload).toHaveLength(0);
    expect((await get({ range: 'bytes=0-' })).statusCode).toBe(416);
  });

  it('streams a 200 MB blob, never allocated whole', async () => {
    const size = 200 * 1024 * 1024;
    blob = generatedBlob(size);
    const res = await app.inject({ method: 'GET', url: '/file', payloadAsStream: true });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBe(String(size));
    let received = 0;
    let lastByte = -1;
    for await (const chunk of res.stream()) {
      received += (chunk as Buffer).length;
      lastByte = (chunk as Buffer)[(chunk as Buffer).length - 1];
    }
    expect(received).toBe(size);
    expect(lastByte).toBe((size - 1) % 256);
  }, 60_000);

  it('streams a range of it too', async () => {
    blob = generatedBlob(200 * 1024 * 1024);
    const res = await get({ range: 'bytes=-100' });
    expect(res.statusCode).toBe(206);
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(
      createHash('sha256')
        .update(bytesOf(200 * 1024 * 1024 - 100, 200 * 1024 * 1024 - 1))
        .digest('hex'),
    );
  });
});
