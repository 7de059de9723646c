import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { asBinary } from './support/binary-body';
import { startStandalone, type StandaloneHarness } from './support/standalone-app';

/** Files end to end: streamed uploads, versions, Range downloads, limits, names, aborts, rights. */
describe('files over HTTP', () => {
  let h: StandaloneHarness;
  let admin: { Authorization: string };
  let clientId: string;
  let folderId: string;
  let contactId: string;
  let last = 0;

  beforeAll(async () => {
    h = await startStandalone({ MAX_UPLOAD_MB: '1' });
    await h.app.listen(0, '127.0.0.1');
    admin = { Authorization: `Bearer ${await h.token('admin')}` };
    contactId = (
      await h
        .http()
        .post('/contacts')
        .set(admin)
        .send({ firstName: 'A', lastName: 'B', email: 'ab@x.fr', language: 'fr' })
    ).body.id;
    const client = await h
      .http()
      .post('/clients')
      .set(admin)
      .send({ name: 'Acme', contacts: [{ contactId, language: 'fr', sendActivationEmail: false }] });
    clientId = client.body.id;
    folderId = (await h.http().post(`/clients/${clientId}/folders`).set(admin).send({ name: 'Factures' }))
      .body.folderId;
  });
  afterAll(() => h.close());

  const upload = (
    path: string,
    content: Buffer,
    filename: string,
    auth = admin,
    method: 'post' | 'put' = 'post',
  ) => {
    const { contentType, body } = multipartBody([
      { name: 'file', filename, content, contentType: 'application/pdf' },
    ]);
    const chunks: Buffer[] = [];
    return new Promise<Buffer>((resolve) => {
      body.on('data', (c: Buffer) => chunks.push(c));
      body.on('end', () => resolve(Buffer.concat(chunks)));
    }).then(async (raw) => {
      const res = await h.http()[method](path).set(auth).set('content-type', contentType).send(raw);
      if (res.body?.position) last = Math.max(last, res.body.position);
      return res;
    });
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    h.http().get(path).set(admin).set('X-Min-Position', String(last)).set(headers);
  const blobFiles = () => {
    const root = join(h.config.dataDir, 'blobs');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    try {
      return walk(root);
    } catch {
      return [];
    }
  };
  const events = () => h.app.get<EventStore>(EVENT_STORE).readAll();

  let fileId: string;
  const content = randomBytes(700_000);

  it('uploads, lists and downloads a file whose bytes and sha256 come back intact', async () => {
    const res = await upload(`/clients/${clientId}/folders/${folderId}/files`, content, 'Bilan 2026.PDF');
    expect(res.status).toBe(201);
    fileId = res.body.id;
    const list = await get(`/clients/${clientId}/folders/${folderId}/files`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: fileId,
        name: 'Bilan 2026.PDF',
        format: 'pdf',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        version: 1,
      }),
    ]);
    const download = await get(`/clients/${clientId}/files/${fileId}/content`).buffer(true).parse(asBinary);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    expect(download.headers['content-disposition']).toContain('attachment');
  });

  it('answers a Range request with 206 and just those bytes, and records each download', async () => {
    const before = (await events()).filter((e) => e.type === 'FileDownloaded').length;
    const res = await get(`/clients/${clientId}/files/${fileId}/content`, { Range: 'bytes=100-199' })
      .buffer(true)
      .parse(asBinary);
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-199/${content.length}`);
    expect(Buffer.compare(res.body as Buffer, content.subarray(100, 200))).toBe(0);
    const downloads = (await events()).filter((e) => e.type === 'FileDownloaded');
    expect(downloads).toHaveLength(before + 1);
    expect(downloads.at(-1)!.data).toEqual({ clientId, fileId, version: 1, range: { start: 100, end: 199 } });
    const log = await get(`/clients/${clientId}/downloads`);
    expect(log.body.events.length).toBe(before + 1);
    expect(
      (await get(`/clients/${clientId}/files/${fileId}/content`, { Range: 'bytes=9999999-' })).status,
    ).toBe(416);
  });

  it('records no download for a HEAD or a 416, which send no content', async () => {
    const downloads = async () => (await events()).filter((e) => e.type === 'FileDownloaded').length;
    const before = await downloads();
    const head = await h
      .http()
      .head(`/clients/${clientId}/files/${fileId}/content`)
      .set(admin)
      .set('X-Min-Position', String(last));
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(content.length));
    const unsatisfiable = await get(`/clients/${clientId}/files/${fileId}/content`, {
      Range: 'bytes=9999999-',
    });
    expect(unsatisfiable.status).toBe(416);
    expect(await downloads()).toBe(before);
    await get(`/clients/${clientId}/files/${fileId}/content`).buffer(true).parse(asBinary);
    expect(await downloads()).toBe(before + 1);
    // If-Range naming another version: the whole file goes out, and is recorded as whole.
    const whole = await get(`/clients/${clientId}/files/${fileId}/content`, {
      Range: 'bytes=9999999-',
      'If-Range': '"another-version"',
    })
      .buffer(true)
      .parse(asBinary);
    expect(whole.status).toBe(200);
    expect((whole.body as Buffer).length).toBe(content.length);
    const recorded = (await events()).filter((e) => e.type === 'FileDownloaded');
    expect(recorded).toHaveLength(before + 2);
    expect(recorded.at(-1)!.data.range).toBeNull();
  });

  it('keeps every version: a new content is version 2, and version 1 can still be downloaded', async () => {
    const second = Buffer.from('second version');
    const res = await upload(
      `/clients/${clientId}/files/${fileId}/content`,
      second,
      'ignored.pdf',
      admin,
      'put',
    );
    expect(res.status).toBe(200);
    const current = await get(`/clients/${clientId}/files/${fileId}/content`).buffer(true).parse(asBinary);
    expect((current.body as Buffer).toString()).toBe('second version');
    const first = await get(`/clients/${clientId}/files/${fileId}/content?version=1`)
      .buffer(true)
      .parse(asBinary);
    expect(Buffer.compare(first.body as Buffer, content)).toBe(0);
  });

  it('refuses an oversize file with 413 and a traversal name with 400, leaving no event and no blob', async () => {
    const blobsBefore = blobFiles().length;
    const eventsBefore = (await events()).length;
    const big = await upload(
      `/clients/${clientId}/folders/${folderId}/files`,
      randomBytes(1024 * 1024 + 1),
      'big.bin',
    );
    expect(big.status).toBe(413);
    for (const name of ['../../etc/passwd', 'a\\b.pdf', '..', 'evil\u202Efdp.exe']) {
      const res = await upload(`/clients/${clientId}/folders/${folderId}/files`, Buffer.from('x'), name);
      expect([name, res.status]).toEqual([name, 400]);
      expect(res.body.errors[0].field).toBe('file.name');
    }
    expect(blobFiles().length).toBe(blobsBefore);
    expect((await events()).length).toBe(eventsBefore);
  });

  it('leaves nothing behind when the client aborts an upload midway', async () => {
    const blobsBefore = blobFiles().length;
    const eventsBefore = (await events()).length;
    const { port } = h.app.getHttpServer().address() as AddressInfo;
    const { contentType } = multipartBody([]);
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: `/clients/${clientId}/folders/${folderId}/files`,
        headers: { ...admin, 'content-type': contentType, 'transfer-encoding': 'chunked' },
      });
      req.on('error', () => resolve());
      const boundary = contentType.split('boundary=')[1];
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`);
      req.write(randomBytes(200_000));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(blobFiles().filter((f) => !f.includes(`${join('blobs', 'tmp')}`)).length).toBe(blobsBefore);
    expect(blobFiles().filter((f) => f.includes(`${join('blobs', 'tmp')}`))).toEqual([]);
    expect((await events()).length).toBe(eventsBefore);
  });

  it('lets a contact publish where they have full access, and only there', async () => {
    const contact = { Authorization: `Bearer ${await h.token('contact', undefined, contactId)}` };
    const denied = await upload(
      `/clients/${clientId}/folders/${folderId}/files`,
      Buffer.from('x'),
      'a.pdf',
      contact,
    );
    expect(denied.status).toBe(404);
    await h
      .http()
      .put(`/clients/${clientId}/folders/${folderId}/permissions/${contactId}`)
      .set(admin)
      .send({ right: 'read' });
    const readOnly = await upload(
      `/clients/${clientId}/folders/${folderId}/files`,
      Buffer.from('x'),
      'a.pdf',
      contact,
    );
    expect(readOnly.status).toBe(403);
    await h
      .http()
      .put(`/clients/${clientId}/folders/${folderId}/permissions/${contactId}`)
      .set(admin)
      .send({ right: 'full' });
    const allowed = await upload(
      `/clients/${clientId}/folders/${folderId}/files`,
      Buffer.from('x'),
      'contact.pdf',
      contact,
    );
    expect(allowed.status).toBe(201);
  });

  it('renames, moves (full on both folders) and deletes', async () => {
    const other = (await h.http().post(`/clients/${clientId}/folders`).set(admin).send({ name: 'Archives' }))
      .body.folderId;
    const renamed = await h
      .http()
      .patch(`/clients/${clientId}/files/${fileId}`)
      .set(admin)
      .send({ name: 'Bilan.xlsx', folderId: other });
    expect(renamed.status).toBe(200);
    last = renamed.body.position;
    expect((await get(`/clients/${clientId}/files/${fileId}`)).body).toMatchObject({
      name: 'Bilan.xlsx',
      format: 'xlsx',
      folderId: other,
    });
    const bad = await h
      .http()
      .patch(`/clients/${clientId}/files/${fileId}`)
      .set(admin)
      .send({ name: '../x' });
    expect(bad.status).toBe(400);
    const deleted = await h.http().delete(`/clients/${clientId}/files/${fileId}`).set(admin);
    expect(deleted.status).toBe(200);
    last = deleted.body.position;
    expect((await get(`/clients/${clientId}/files/${fileId}`)).status).toBe(404);
  });
});
