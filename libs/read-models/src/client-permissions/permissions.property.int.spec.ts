import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { effectiveRight, normalizeText, ownRight, membersOf } from '@dossiers/domain';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore, type Document } from '@dossiers/read-store';
import { loadDocuments } from '../projection/document-parts';
import { collectionsOf } from '../projection/projection';
import { ProjectionEngine } from '../projection/projection-engine';
import { rebuildProjections } from '../projection/projector';
import { clientPermissionsProjection } from './client-permissions.projection';
import { deriveFolderAccess } from './derive-folder-access';
import { clientId, play, step } from '../testing/rights-steps';
import {
  CLIENT_MEMBERS_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  clientMemberId,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from './folder-access.document';
import { ACCESS_OF_CODE, NOT_SET, type PermissionModelDoc } from './permission-model';

/**
 * For random trees and random sequences of SetFolderPermission, CascadePermissions, folder moves
 * (and members coming and going), the effective rights the projector stores always equal the
 * rights the domain recomputes from the same events.
 */

/** The stored folder and member documents of the client equal a full derivation of its stored model. */
async function expectFullyDerived(store: SqliteReadStore): Promise<void> {
  const [model] = (await loadDocuments(store, clientPermissionsProjection, [
    clientId,
  ])) as PermissionModelDoc[];
  const byId = (a: Document, b: Document) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
  const derived = model ? deriveFolderAccess(model) : [];
  for (const name of [FOLDER_ACCESS_COLLECTION, CLIENT_MEMBERS_COLLECTION]) {
    const stored = await store.collection(name).find({ clientId }, { sort: [['_id', 1]] });
    const expected = derived.filter((d) => d.collection === name).map((d) => d.doc);
    expect([name, stored]).toEqual([name, expected.sort(byId)]);
  }
}

describe('effective rights: read model = domain, for random trees and commands', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rights-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds through the projection engine, whatever the batch sizes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        async (steps, batch) => {
          const { state, events } = play(steps);
          const store = new SqliteReadStore({ filename: join(dir, `r${run++}.db`), normalizeText });
          try {
            const engine = new ProjectionEngine(store, [clientPermissionsProjection]);
            for (let i = 0; i < events.length; i += batch) {
              await engine.applyBatch(events.slice(i, i + batch));
              // The engine derives only what a batch can change when it can tell: after every
              // batch, what is stored must be exactly what deriving everything gives.
              await expectFullyDerived(store);
            }

            const folders = await store
              .collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION)
              .find({ clientId });
            expect(folders.map((f) => f.folderId).sort()).toEqual(Object.keys(state.folders).sort());
            const members = store.collection<ClientMemberDoc>(CLIENT_MEMBERS_COLLECTION);
            for (const principal of membersOf(state)) {
              const member = await members.findById(clientMemberId(clientId, principal.id));
              expect(member).not.toBeNull();
              for (const folderId of Object.keys(state.folders)) {
                const doc = folders.find((f) => f._id === folderAccessId(clientId, folderId))!;
                expect([folderId, principal.id, ACCESS_OF_CODE[doc.effective[member!.slot]]]).toEqual([
                  folderId,
                  principal.id,
                  effectiveRight(state.folders, folderId, principal),
                ]);
                const own = ownRight(state.folders[folderId], principal);
                expect(doc.own[member!.slot]).toBe(own === 'inherit' ? NOT_SET : own[0]);
              }
            }
            // Principals who left have no membership left behind.
            expect(await members.count({ clientId })).toBe(membersOf(state).length);
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a rebuild from the event store derives the same documents as the live projection', async () => {
    const collections = collectionsOf(clientPermissionsProjection).map(({ name }) => name);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        async (steps, batch) => {
          const { events } = play(steps);
          const eventStore = new SqliteEventStore({ filename: join(dir, `e${run}.db`) });
          const live = new SqliteReadStore({ filename: join(dir, `live${run}.db`), normalizeText });
          const rebuilt = new SqliteReadStore({ filename: join(dir, `rebuilt${run++}.db`), normalizeText });
          try {
            await eventStore.append(
              `client-${clientId}`,
              events.map(({ id, type, schemaVersion, data, metadata }) => ({
                id,
                type,
                schemaVersion,
                data,
                metadata,
              })),
              'no_stream',
            );
            const stored = await eventStore.readAll();
            const engine = new ProjectionEngine(live, [clientPermissionsProjection]);
            for (let i = 0; i < stored.length; i += batch)
              await engine.applyBatch(stored.slice(i, i + batch));
            await rebuildProjections(eventStore, rebuilt, [clientPermissionsProjection]);

            for (const name of collections) {
              const [fromLive, fromRebuild] = await Promise.all(
                [live, rebuilt].map((store) => store.collection(name).find({}, { sort: [['_id', 1]] })),
              );
              expect([name, fromRebuild]).toEqual([name, fromLive]);
            }
          } finally {
            await Promise.all([eventStore.close(), live.close(), rebuilt.close()]);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
