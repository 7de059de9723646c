import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { SqliteEventStore } from '@dossiers/event-store';
import { LocalDiskBlobStore } from '@dossiers/blob-store';
import type { JsonObject, NewEvent } from '@dossiers/events';
import { OrphanBlobSweeper } from './orphan-blob-sweeper';

const GRACE_MS = 15 * 60_000;
const TENANT = 'firm-a';
/** A clock past the grace period of every blob written by the test. */
const later = () => new Date(Date.now() + GRACE_MS + 60_000);

describe('OrphanBlobSweeper (SQLite event store, local-disk blob store)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let blobs: LocalDiskBlobStore;
  let inFlight: Set<string>;
  let sweeper: OrphanBlobSweeper;
  let clientId: string;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    dir = mkdtempSync(join(tmpdir(), 'sweeper-'));
    events = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
    blobs = new LocalDiskBlobStore(join(dir, 'blobs'));
    inFlight = new Set();
    sweeper = new OrphanBlobSweeper(events, blobs, { graceMs: GRACE_MS, inFlight });
    clientId = randomUUID();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = async (owner = clientId, tenant = TENANT) =>
    (
      await blobs.write(Readable.from([Buffer.from(`bytes of ${randomUUID()}`)]), {
        maxBytes: 100,
        tenant,
        owner: { clientId: owner },
      })
    ).blobId;
  const event = (type: string, data: JsonObject, tenant = TENANT): NewEvent => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      tenant,
      actor: 'admin-1',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: new Date().toISOString(),
    },
  });
  const uploaded = (blobId: string, tenant = TENANT, owner = clientId) =>
    event(
      'FileUploaded',
      {
        clientId: owner,
        fileId: randomUUID(),
        folderId: randomUUID(),
        name: 'Bilan.pdf',
        format: 'pdf',
        version: 1,
        blobId,
        size: 10,
        sha256: 'x',
        contentType: 'application/pdf',
      },
      tenant,
    );
  const append = (owner: string, ...list: NewEvent[]) => events.append(`client-${owner}`, list, 'any');
  const files = () =>
    readdirSync(join(dir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(join(dir, 'blobs'), join(entry.parentPath, entry.name)))
      .sort();
  const permanent = (blobId: string) => existsSync(join(dir, 'blobs', blobId.slice(0, 2), blobId));

  it('promotes a pending blob an event of its client names (FileUploaded, FileVersionUploaded)', async () => {
    const first = await write();
    const second = await write();
    await append(clientId, event('ClientCreated', { clientId, name: 'ACME' }), uploaded(first));
    await append(
      clientId,
      event('FileVersionUploaded', { clientId, fileId: randomUUID(), version: 2, blobId: second }),
    );

    const outcome = await sweeper.sweep(later());
    expect(outcome).toEqual({
      promoted: expect.arrayContaining([first, second]),
      deleted: [],
      kept: [],
      partialWrites: 0,
    });
    expect(permanent(first) && permanent(second)).toBe(true);
    expect(files()).toEqual([join(first.slice(0, 2), first), join(second.slice(0, 2), second)].sort());
    expect(await sweeper.sweep(later())).toEqual({ promoted: [], deleted: [], kept: [], partialWrites: 0 });
  });

  it('deletes a pending blob no event names, and never a permanent one', async () => {
    const orphan = await write();
    const kept = await write();
    await blobs.promote(kept);
    await append(clientId, event('ClientCreated', { clientId, name: 'ACME' }));

    expect(await sweeper.sweep(later())).toEqual({
      promoted: [],
      deleted: [orphan],
      kept: [],
      partialWrites: 0,
    });
    expect(await blobs.size(orphan)).toBeNull();
    expect(files()).toEqual([join(kept.slice(0, 2), kept)]);
  });

  it('leaves a pending blob younger than the grace period alone, named or not', async () => {
    const named = await write();
    const unnamed = await write();
    await append(clientId, uploaded(named));
    const justBefore = new Date(Date.now() + GRACE_MS - 60_000);

    expect(await sweeper.sweep(justBefore)).toEqual({
      promoted: [],
      deleted: [],
      kept: [],
      partialWrites: 0,
    });
    expect(await sweeper.sweep()).toEqual({ promoted: [], deleted: [], kept: [], partialWrites: 0 });
    expect(files()).toHaveLength(4);
    expect(await blobs.size(unnamed)).not.toBeNull();
  });

  it("does not count another tenant's event, nor another client's", async () => {
    const namedByOtherTenant = await write();
    const namedByOtherClient = await write();
    const otherClient = randomUUID();
    // A stream of the owner's id written by another tenant (it cannot happen, ids being random:
    // the tenant is checked all the same), and the blob's id in another client's stream.
    await append(clientId, uploaded(namedByOtherTenant, 'firm-b'));
    await append(otherClient, uploaded(namedByOtherClient, TENANT, otherClient));

    const outcome = await sweeper.sweep(later());
    expect(outcome.deleted.sort()).toEqual([namedByOtherTenant, namedByOtherClient].sort());
    expect(files()).toEqual([]);
  });

  it('finds an event anywhere in a long stream, and the blob id anywhere in its data', async () => {
    const late = await write();
    const nested = await write();
    const filler = Array.from({ length: 1200 }, (_, i) =>
      event('ClientUpdated', { clientId, name: `n${i}` }),
    );
    await append(clientId, ...filler, uploaded(late));
    await append(
      clientId,
      event('SomethingLater', { clientId, attachments: [{ content: { ref: nested } }] }),
    );

    expect((await sweeper.sweep(later())).promoted.sort()).toEqual([late, nested].sort());
  });

  it('discards the bytes of a write killed while receiving them once past the grace period, and nothing else', async () => {
    const pending = await write();
    const promoted = await write();
    await blobs.promote(promoted);
    await append(clientId, uploaded(pending));
    const killed = join('tmp', `${randomUUID()}.part`);
    writeFileSync(join(dir, 'blobs', killed), 'the first bytes of an upload');

    expect(await sweeper.sweep()).toEqual({ promoted: [], deleted: [], kept: [], partialWrites: 0 });
    expect(files()).toContain(killed);
    expect(await sweeper.sweep(later())).toEqual({
      promoted: [pending],
      deleted: [],
      kept: [],
      partialWrites: 1,
    });
    expect(files()).toEqual(
      [join(pending.slice(0, 2), pending), join(promoted.slice(0, 2), promoted)].sort(),
    );
  });

  it('keeps, whatever their age, the blobs of uploads still running here and those whose stream cannot be read', async () => {
    const uploading = await write();
    const unreadable = await write(randomUUID());
    inFlight.add(uploading);
    const readStream = events.readStream.bind(events);
    jest
      .spyOn(events, 'readStream')
      .mockImplementation((streamId, options) =>
        streamId.endsWith(clientId)
          ? readStream(streamId, options)
          : Promise.reject(new Error('unreachable')),
      );

    expect(await sweeper.sweep(later())).toEqual({
      promoted: [],
      deleted: [],
      kept: expect.arrayContaining([uploading, unreadable]),
      partialWrites: 0,
    });
    expect(files()).toHaveLength(4);

    inFlight.delete(uploading);
    expect((await sweeper.sweep(later())).deleted).toEqual([uploading]);
  });
});
