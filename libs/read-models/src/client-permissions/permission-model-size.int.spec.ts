import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_MAX_FOLDERS, normalizeText } from '@dossiers/domain';
import type { ClientEvent, ClientFolder, RecordedEvent } from '@dossiers/events';
import { SqliteReadStore } from '@dossiers/read-store';
import { loadDocuments, storedForm } from '../projection/document-parts';
import { collectionsOf, type Recorded } from '../projection/projection';
import { ProjectionEngine } from '../projection/projection-engine';
import { clientPermissionsProjection } from './client-permissions.projection';
import { FOLDER_ACCESS_COLLECTION, folderAccessId, type FolderAccessDoc } from './folder-access.document';
import {
  evolvePermissionModel,
  type PermissionModelDoc,
  type PermissionModelEvent,
} from './permission-model';

/**
 * The sizes the permission model is designed for (client-permissions.projection.ts): the domain's
 * 10,000 folders, every folder holding a right for the last principal slot. Through the engine
 * with 1,200 slots (issue 12's client: 14 MB as one document), and folded in memory with the
 * 5,000 slots the design supports (over MongoDB's 16 MB as one document): no stored document is
 * over STORED_BOUND, and the rights stay right.
 */
const ENGINE_SLOTS = 1200;
const SUPPORTED_SLOTS = 5000;
const ROOTS = 100;
const STORED_BOUND = 4 * 1024 * 1024;
const MONGODB_LIMIT = 16 * 1024 * 1024;
const clientId = 'big';
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** Folder ids shaped like the server's (uuids), spread over the model's groups as theirs are. */
const folderId = (i: number) =>
  createHash('sha1')
    .update(String(i))
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5');

const principalId = (slot: number) => (slot % 2 === 0 ? `contact-${slot}` : `collaborator-${slot}`);

function bigClientEvents(slots: number): ClientEvent[] {
  const folders: ClientFolder[] = [];
  for (let i = 0; i < CLIENT_MAX_FOLDERS; i++) {
    const root = i < ROOTS;
    folders.push({
      folderId: folderId(i),
      parentId: root ? null : folderId(i % ROOTS),
      name: `Exercice ${i} - pièces justificatives et correspondance`,
      contactDefault: root ? 'read' : null,
    });
  }
  const principals: ClientEvent[] = [];
  for (let slot = 0; slot < slots; slot++)
    principals.push(
      slot % 2 === 0
        ? { type: 'ContactAttached', data: { clientId, contactId: principalId(slot), language: 'fr' } }
        : {
            type: 'CollaboratorAccessSet',
            data: { clientId, collaboratorId: principalId(slot), access: 'read', previousAccess: null },
          },
    );
  const last = principalId(slots - 1);
  return [
    { type: 'ClientCreated', data: { clientId, name: 'Big', groupId: null, attributes: {} } },
    ...principals,
    { type: 'TreeTemplateApplied', data: { clientId, templateId: 't', templateName: 'T', folders } },
    // Every folder then holds a character for every slot.
    {
      type: 'FolderPermissionsCascaded',
      data: {
        clientId,
        folderId: folderId(0),
        rights: { [last]: 'full', [principalId(0)]: 'none' },
        folderIds: folders.map((f) => f.folderId),
      },
    },
    {
      type: 'FolderPermissionSet',
      data: { clientId, folderId: folderId(ROOTS + 7), principalId: principalId(600), right: 'full' },
    },
  ];
}

const recorded = (events: ClientEvent[]): RecordedEvent[] =>
  events.map((event, i) => ({
    ...(event as unknown as RecordedEvent),
    id: `e${i}`,
    schemaVersion: 1,
    streamId: `client-${clientId}`,
    revision: i,
    position: i + 1,
    recordedAt: '2026-01-01T00:00:00Z',
    metadata: {
      tenant: 't',
      actor: 'admin',
      correlationId: 'x',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
  }));

describe(`the permission model of a ${CLIENT_MAX_FOLDERS}-folder client with ${ENGINE_SLOTS} slots, projected`, () => {
  let dir: string;
  let store: SqliteReadStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'model-size-'));
    store = new SqliteReadStore({ filename: join(dir, 'read.db'), normalizeText });
    const engine = new ProjectionEngine(store, [clientPermissionsProjection]);
    const events = recorded(bigClientEvents(ENGINE_SLOTS));
    for (let i = 0; i < events.length; i += 500) await engine.applyBatch(events.slice(i, i + 500));
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`stores no document over ${STORED_BOUND} bytes of JSON, though the whole model is far bigger`, async () => {
    const sizes: Array<[collection: string, bytes: number]> = [];
    for (const { name } of collectionsOf(clientPermissionsProjection))
      for await (const doc of store.collection(name).stream({})) sizes.push([name, jsonBytes(doc)]);
    const largest = sizes.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(largest[1]).toBeLessThan(STORED_BOUND);

    const [model] = await loadDocuments(store, clientPermissionsProjection, [clientId]);
    expect(jsonBytes(model)).toBeGreaterThan(3 * STORED_BOUND);
  });

  it('answers every folder right', async () => {
    const [model] = (await loadDocuments(store, clientPermissionsProjection, [clientId])) as [
      PermissionModelDoc,
    ];
    const slotOf = (id: string) => model.principals[id].slot;
    const folders = await store.collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION).find({ clientId });
    expect(folders).toHaveLength(CLIENT_MAX_FOLDERS);
    const [first, last, middle] = [principalId(0), principalId(ENGINE_SLOTS - 1), principalId(600)];
    const wrong = folders.filter(
      (f) =>
        f.own.length !== ENGINE_SLOTS ||
        f.effective[slotOf(last)] !== 'f' ||
        f.effective[slotOf(first)] !== 'n' ||
        f.effective[slotOf(middle)] !== (f.folderId === folderId(ROOTS + 7) ? 'f' : 'r'),
    );
    expect(wrong.map((f) => f.folderId)).toEqual([]);
    const set = folders.find((f) => f._id === folderAccessId(clientId, folderId(ROOTS + 7)))!;
    expect(set.own[slotOf(middle)]).toBe('f');
  });
});

describe(`the permission model of a ${CLIENT_MAX_FOLDERS}-folder client with ${SUPPORTED_SLOTS} slots, folded`, () => {
  it(`is stored in documents of less than ${STORED_BOUND} bytes, though over ${MONGODB_LIMIT} whole`, () => {
    const isPrincipal = (e: RecordedEvent) =>
      e.type === 'ContactAttached' || e.type === 'CollaboratorAccessSet';
    const [created, ...folderEvents] = recorded(bigClientEvents(SUPPORTED_SLOTS)).filter(
      (e) => !isPrincipal(e),
    );
    const evolve = (doc: PermissionModelDoc | null, event: RecordedEvent) =>
      evolvePermissionModel(doc, event as Recorded<PermissionModelEvent>);
    // The principals as the attachments leave them, set at once: evolving 5,000 attachments one
    // by one copies the principals each time (~20 s), which is not what this measures.
    const principals: PermissionModelDoc['principals'] = {};
    for (let slot = 0; slot < SUPPORTED_SLOTS; slot++)
      principals[principalId(slot)] =
        slot % 2 === 0
          ? { kind: 'contact', access: null, slot }
          : { kind: 'collaborator', access: 'read', slot };
    const opened = { ...evolve(null, created)!, principals, nextSlot: SUPPORTED_SLOTS };
    const model = folderEvents.reduce<PermissionModelDoc | null>(evolve, opened)!;
    const { head, parts } = storedForm(clientPermissionsProjection.parts!, model);
    const largest = Math.max(jsonBytes(head), ...parts.map(jsonBytes));
    expect(largest).toBeLessThan(STORED_BOUND);
    expect(jsonBytes(model)).toBeGreaterThan(MONGODB_LIMIT);
  });
});
