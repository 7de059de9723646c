import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Inject, Module, Param, Post, Req, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { checkFileName, validOrThrow } from '@dossiers/domain';
import { APP_CONFIG, loadConfig, type AppConfig } from '../../config/app-config';
import { signToken } from '../../auth/token-verifier';
import { InfrastructureModule } from '../../infrastructure/infrastructure.module';
import { createHttpApp } from '../create-http-app';
import { FileUpload } from './file-upload.decorator';
import { receiveSingleFile } from './receive-single-file';
import { sendBlob } from './send-blob';
import { multipartBody } from './testing/multipart-body';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

/** The plumbing as a file route uses it, on the real HTTP wiring (hooks, filter, stores). */
@Controller('files')
class FilesTestController {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @FileUpload()
  async upload(@Req() request: FastifyRequest) {
    const file = await receiveSingleFile(request, { maxBytes: this.config.maxUploadBytes });
    const name = validOrThrow(checkFileName(file.filename));
    const blob = await this.blobs.write(file.stream, {
      maxBytes: this.config.maxUploadBytes,
      tenant: 'firm',
      owner: { clientId: 'client' },
    });
    // Where a file route appends the event naming the blob, then promotes it.
    await this.blobs.promote(blob.blobId);
    return { name, ...blob };
  }

  @Post('json')
  json() {
    return { ok: true };
  }

  @Get(':blobId')
  async download(
    @Param('blobId') blobId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const size = (await this.blobs.size(blobId)) ?? 0;
    await sendBlob(
      reply,
      request,
      { size, open: (range) => this.blobs.read(blobId, range) },
      { fileName: 'Reçu.pdf', contentType: 'application/pdf', etag: blobId },
    );
  }
}

describe('file uploads and downloads through createHttpApp', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let auth: { authorization: string };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'files-http-'));
    const config = loadConfig({
      DATA_DIR: dataDir,
      AUTH_SECRET: SECRET,
      LOG_LEVEL: 'error',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      MAX_UPLOAD_MB: '1',
    });
    @Module({ imports: [InfrastructureModule.forRoot(config)], controllers: [FilesTestController] })
    class FilesTestModule {}
    app = await createHttpApp(FilesTestModule, config, { title: 'test', requestLogs: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    auth = {
      authorization: `Bearer ${await signToken(SECRET, { tenant: 'firm', role: 'admin', sub: 'me' })}`,
    };
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const inject = (options: Parameters<NestFastifyApplication['inject']>[0] & object) =>
    app.inject({ ...options, headers: { ...auth, ...(options as { headers?: object }).headers } });
  /** Buffered, so that the request has a Content-Length as a real client's would. */
  const upload = async (url: string, content: Buffer, filename = 'Bilan.pdf') => {
    const { contentType, body } = multipartBody([{ name: 'file', filename, content }]);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType },
      payload: Buffer.concat(chunks),
    });
  };

  it('stores an upload under DATA_DIR/blobs and serves it whole and by range', async () => {
    const content = randomBytes(300_000);
    const res = await upload('/files', content);
    expect(res.statusCode).toBe(201);
    const { blobId, sha256, name } = res.json();
    expect({ name, sha256 }).toEqual({
      name: 'Bilan.pdf',
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(existsSync(join(dataDir, 'blobs', blobId.slice(0, 2), blobId))).toBe(true);

    const whole = await inject({ method: 'GET', url: `/files/${blobId}` });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload).toEqual(content);
    expect(whole.headers['content-disposition']).toBe(
      `attachment; filename="Re?u.pdf"; filename*=UTF-8''Re%C3%A7u.pdf`,
    );
    const part = await inject({ method: 'GET', url: `/files/${blobId}`, headers: { range: 'bytes=-100' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 299900-299999/300000');
    expect(part.rawPayload).toEqual(content.subarray(299_900));
  });

  it('answers 413 PAYLOAD_TOO_LARGE past MAX_UPLOAD_MB', async () => {
    const res = await upload('/files', randomBytes(1024 * 1024 + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 400 naming file.name for a traversal name', async () => {
    const res = await upload('/files', Buffer.from('x'), '../../etc/passwd');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'file.name', message: expect.stringContaining('/') }]);
  });

  it('takes multipart only on a @FileUpload() route, and JSON only elsewhere', async () => {
    const json = await inject({
      method: 'POST',
      url: '/files',
      headers: { 'content-type': 'application/json' },
      payload: '{"file":"x"}',
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the file as multipart/form-data',
    });

    const form = await upload('/files/json', Buffer.from('x'));
    expect(form.statusCode).toBe(415);
    expect(form.json()).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the body as application/json',
    });
  });

  it('documents the route as multipart with a file field', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/openapi.json' });
    const operation = res.json().paths['/files'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['multipart/form-data']);
    expect(operation.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({
      type: 'string',
      format: 'binary',
    });
  });
});
