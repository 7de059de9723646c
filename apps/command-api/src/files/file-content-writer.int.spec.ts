import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { ClientCommand } from '@dossiers/domain';
import type { CommandContext, CommandResult } from '@dossiers/application';
import { LocalDiskBlobStore } from '@dossiers/blob-store';
import { PayloadTooLargeError, type AppConfig } from '@dossiers/platform';
import { ClientCommandRunner } from '../clients/client-command-runner';
import {
  openEmbeddedStreams,
  testCommandContext,
  type EmbeddedStreams,
} from '../shared/testing/embedded-streams';
import { FileContentWriter, type FileCommandOf, type ReceiveFile } from './file-content-writer';
import { UploadsInFlight } from './uploads-in-flight';

const MAX_BYTES = 64;
const admin = () => testCommandContext();
const contact = (contactId: string) => testCommandContext({ role: 'contact', actor: contactId });

describe('FileContentWriter (SQLite event store, local-disk blob store)', () => {
  let db: EmbeddedStreams;
  let blobs: LocalDiskBlobStore;
  let inFlight: UploadsInFlight;
  let writer: FileContentWriter;
  let clientId: string;
  let folderId: string;

  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    db = openEmbeddedStreams();
    blobs = new LocalDiskBlobStore(join(db.dir, 'blobs'));
    inFlight = new UploadsInFlight();
    const config = { maxUploadBytes: MAX_BYTES } as AppConfig;
    writer = new FileContentWriter(
      db.aggregates,
      new ClientCommandRunner(db.aggregates),
      db.store,
      blobs,
      config,
      inFlight,
    );
    clientId = randomUUID();
    folderId = randomUUID();
    await run({ type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes: {} });
    await run(createFolder(folderId));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await db.close();
  });

  const run = (command: ClientCommand, context: CommandContext = admin()) =>
    db.aggregates.clients.handle(clientId, command, context);
  const createFolder = (id: string): ClientCommand => ({
    type: 'CreateFolder',
    clientId,
    folderId: id,
    parentId: null,
    name: `Dossier ${id.slice(0, 8)}`,
    contactDefault: null,
    actor: { id: 'user-1', role: 'admin' },
  });
  /** A receiver that counts its calls, as the controller's would open the request's file. */
  const receiving = (bytes: string | Buffer, filename = 'Bilan.pdf', onReceive?: () => Promise<unknown>) =>
    jest.fn<ReturnType<ReceiveFile>, Parameters<ReceiveFile>>(async () => {
      await onReceive?.();
      return { filename, mimetype: 'application/pdf', stream: Readable.from([Buffer.from(bytes)]) };
    });
  const upload =
    (fileId: string, context: CommandContext = admin()): FileCommandOf =>
    (content, name) => ({
      type: 'UploadFile',
      clientId,
      fileId,
      folderId,
      name,
      content,
      actor: { id: context.actor, role: context.role },
    });
  const stored = () =>
    existsSync(join(db.dir, 'blobs'))
      ? readdirSync(join(db.dir, 'blobs'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && !entry.name.endsWith('.json'))
          .map((entry) => relative(join(db.dir, 'blobs'), join(entry.parentPath, entry.name)))
      : [];
  const events = async () => (await db.store.readStream(`client-${clientId}`)).map((event) => event.type);

  it('stores the content, appends the event naming it, then promotes the blob', async () => {
    const receive = receiving('the balance sheet');
    const result = await writer.upload(clientId, receive, admin(), upload(randomUUID()));

    expect(receive).toHaveBeenCalledWith({ maxBytes: MAX_BYTES });
    const [event] = await db.store.readStream(`client-${clientId}`, { fromRevision: result.revision });
    expect(event).toMatchObject({
      type: 'FileUploaded',
      data: { name: 'Bilan.pdf', size: 17, contentType: 'application/pdf' },
    });
    const blobId = (event.data as { blobId: string }).blobId;
    expect(stored()).toEqual([join(blobId.slice(0, 2), blobId)]);
    expect(inFlight.has(blobId)).toBe(false);
  });

  it('checks the rights before opening the file: a refused upload reads nothing', async () => {
    const contactId = randomUUID();
    const receive = receiving('x');
    await expect(
      writer.upload(clientId, receive, contact(contactId), upload(randomUUID(), contact(contactId))),
    ).rejects.toMatchObject({ code: 'CLIENT_NOT_FOUND' });
    const unknownFolder: FileCommandOf = (content, name) =>
      ({
        ...(upload(randomUUID())(content, name) as object),
        folderId: randomUUID(),
      }) as ClientCommand;
    await expect(writer.upload(clientId, receive, admin(), unknownFolder)).rejects.toMatchObject({
      code: 'FOLDER_NOT_FOUND',
    });
    expect(receive).not.toHaveBeenCalled();
    expect(stored()).toEqual([]);
  });

  it('refuses a bad name (400 naming file.name) and an oversize file (413), storing nothing', async () => {
    await expect(
      writer.upload(clientId, receiving('x', '../../etc/passwd'), admin(), upload(randomUUID())),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'file.name' })] });
    await expect(
      writer.upload(clientId, receiving(Buffer.alloc(MAX_BYTES + 1)), admin(), upload(randomUUID())),
    ).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(stored()).toEqual([]);
    expect(await events()).toEqual(['ClientCreated', 'FolderCreated']);
  });

  it('deletes the blob when the command is refused once its content is stored', async () => {
    // The folder goes while the file is being received: decided again on that state, it is refused.
    const receive = receiving('late', 'Bilan.pdf', () =>
      run({
        type: 'DeleteFolder',
        clientId,
        folderId,
        recursive: false,
        actor: { id: 'user-1', role: 'admin' },
      }),
    );
    await expect(writer.upload(clientId, receive, admin(), upload(randomUUID()))).rejects.toMatchObject({
      code: 'FOLDER_NOT_FOUND',
    });
    expect(stored()).toEqual([]);
    expect(await events()).toEqual(['ClientCreated', 'FolderCreated', 'FolderDeleted']);
  });

  it('deletes its blob when the same upload, concurrent, recorded the file first (an Idempotency-Key retry)', async () => {
    const fileId = randomUUID();
    let second: CommandResult | undefined;
    // The retry runs whole while the first request is still receiving its file.
    const first = await writer.upload(
      clientId,
      receiving('same bytes', 'Bilan.pdf', async () => {
        second = await writer.upload(clientId, receiving('same bytes'), admin(), upload(fileId));
      }),
      admin(),
      upload(fileId),
    );

    expect([first.revision, first.position]).toEqual([second?.revision, second?.position]);
    const [event] = await db.store.readStream(`client-${clientId}`, { fromRevision: first.revision });
    const blobId = (event.data as { blobId: string }).blobId;
    expect(stored()).toEqual([join(blobId.slice(0, 2), blobId)]);
    expect(await events()).toEqual(['ClientCreated', 'FolderCreated', 'FileUploaded']);
  });

  it('leaves the blob pending for the sweeper when the outcome of the append is unknown', async () => {
    jest.spyOn(db.store, 'append').mockRejectedValueOnce(new Error('connection lost'));
    await expect(writer.upload(clientId, receiving('bytes'), admin(), upload(randomUUID()))).rejects.toThrow(
      'connection lost',
    );
    const [pending] = stored();
    expect(pending).toMatch(/^pending[/\\]/);
  });
});
