import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  clientDecider,
  DomainError,
  effectiveRight,
  normalizeText,
  ownRight,
  membersOf,
  type ActiveClient,
  type Actor,
  type ClientCommand,
  type ClientState,
} from '@dossiers/domain';
import type { Access, ClientEvent, FolderRight, RecordedEvent } from '@dossiers/events';
import { SqliteEventStore } from '@dossiers/event-store';
import { SqliteReadStore, type Document } from '@dossiers/read-store';
import { ProjectionEngine } from '../projection/projection-engine';
import { rebuildProjections } from '../projection/projector';
import { clientPermissionsProjection } from './client-permissions.projection';
import { deriveFolderAccess } from './derive-folder-access';
import {
  CLIENT_MEMBERS_COLLECTION,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  clientMemberId,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from './folder-access.document';
import {
  ACCESS_OF_CODE,
  NOT_SET,
  PERMISSION_MODELS_COLLECTION,
  type PermissionModelDoc,
} from './permission-model';

/**
 * For random trees and random sequences of SetFolderPermission, CascadePermissions, folder moves
 * (and members coming and going), the effective rights the projector stores always equal the
 * rights the domain recomputes from the same events.
 */
const clientId = 'c';
const admin: Actor = { id: 'admin', role: 'admin' };
const contacts = ['p1', 'p2', 'p3'];
const collaborators = ['k1', 'k2'];
const principalIds = [...contacts, ...collaborators];
const rights: FolderRight[] = ['none', 'read', 'full', 'inherit'];
const accesses: Access[] = ['none', 'read', 'full'];

/** A command drawn from small integers, resolved against the current state so most of them apply. */
type Step =
  | { kind: 'create'; parent: number; name: number; locked: boolean }
  | { kind: 'set'; folder: number; principal: number; right: number }
  | { kind: 'cascade'; folder: number; some: number[] | null }
  | { kind: 'move'; folder: number; parent: number }
  | { kind: 'delete'; folder: number }
  | { kind: 'member'; principal: number; access: number; leave: boolean }
  | { kind: 'template'; root: number; child: number; defaults: [number, number] };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      parent: fc.nat(40),
      name: fc.nat(6),
      locked: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      folder: fc.nat(40),
      principal: fc.nat(4),
      right: fc.nat(3),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('cascade' as const),
      folder: fc.nat(40),
      some: fc.option(fc.uniqueArray(fc.nat(4), { maxLength: 3 }), { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('move' as const), folder: fc.nat(40), parent: fc.nat(40) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), folder: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('member' as const),
      principal: fc.nat(4),
      access: fc.nat(2),
      leave: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('template' as const),
      root: fc.nat(2),
      child: fc.nat(2),
      defaults: fc.tuple(fc.nat(2), fc.nat(2)),
    }),
  },
);

function commandFor(s: Step, client: ActiveClient, index: number): ClientCommand {
  const folderIds = Object.keys(client.folders).sort();
  const pick = (n: number) => (folderIds.length ? folderIds[n % folderIds.length] : 'missing');
  switch (s.kind) {
    case 'create':
      return {
        type: 'CreateFolder',
        clientId,
        folderId: `f${index}`,
        parentId: s.parent % 4 === 0 || !folderIds.length ? null : pick(s.parent),
        name: `n${s.name}`,
        contactDefault: s.locked ? 'none' : null,
        actor: admin,
      };
    case 'set':
      return {
        type: 'SetFolderPermission',
        clientId,
        folderId: pick(s.folder),
        principalId: principalIds[s.principal],
        right: rights[s.right],
        actor: admin,
      };
    case 'cascade':
      return {
        type: 'CascadePermissions',
        clientId,
        folderId: pick(s.folder),
        principalIds: s.some?.map((i) => principalIds[i]),
        actor: admin,
      };
    case 'move':
      return {
        type: 'UpdateFolder',
        clientId,
        folderId: pick(s.folder),
        parentId: s.parent % 5 === 0 ? null : pick(s.parent),
        actor: admin,
      };
    case 'delete':
      return { type: 'DeleteFolder', clientId, folderId: pick(s.folder), recursive: true, actor: admin };
    case 'member': {
      const id = principalIds[s.principal];
      if (contacts.includes(id))
        return s.leave && Object.hasOwn(client.contacts, id)
          ? { type: 'DetachContact', clientId, contactId: id }
          : { type: 'AttachContact', clientId, contactId: id, language: 'fr', sendActivationEmail: false };
      return { type: 'AssignCollaborator', clientId, collaboratorId: id, access: accesses[s.access] };
    }
    case 'template': {
      // Template folders give every contact a default right; merged into the folders already there.
      const root = `t${s.root}`;
      const child = `${root}/u${s.child}`;
      return {
        type: 'ApplyTreeTemplate',
        clientId,
        template: {
          templateId: 'tt',
          name: 'Modèle',
          folders: [
            { path: root, contactDefault: accesses[s.defaults[0]] },
            { path: child, contactDefault: accesses[s.defaults[1]] },
          ],
        },
        newFolderIds: { [root]: `f${index}r`, [child]: `f${index}c` },
      };
    }
  }
}

let position = 0;
function record(events: ClientEvent[], from: number): RecordedEvent[] {
  return events.map((event, i) => ({
    ...(event as unknown as RecordedEvent),
    id: `e${position}`,
    schemaVersion: 1,
    streamId: `client-${clientId}`,
    revision: from + i,
    position: ++position,
    metadata: {
      tenant: 't',
      actor: 'admin',
      correlationId: 'x',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
  }));
}

/** Runs the steps through the decider; commands the domain refuses (a cycle, a taken name) are skipped. */
function play(steps: Step[]): { state: ActiveClient; events: RecordedEvent[] } {
  let state: ClientState = clientDecider.initialState();
  const decided: ClientEvent[] = [];
  const apply = (command: ClientCommand) => {
    try {
      const events = clientDecider.decide(command, state);
      decided.push(...events);
      state = events.reduce(clientDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  };
  apply({ type: 'CreateClient', clientId, name: 'Acme', groupId: null, attributes: {} });
  for (const id of contacts.slice(0, 2))
    apply({ type: 'AttachContact', clientId, contactId: id, language: 'fr', sendActivationEmail: false });
  apply({ type: 'AssignCollaborator', clientId, collaboratorId: 'k1', access: 'read' });
  steps.forEach((s, index) => apply(commandFor(s, state as ActiveClient, index)));
  return { state: state as ActiveClient, events: record(decided, 0) };
}

/** The stored folder and member documents of the client equal a full derivation of its stored model. */
async function expectFullyDerived(store: SqliteReadStore): Promise<void> {
  const model = await store.collection<PermissionModelDoc>(PERMISSION_MODELS_COLLECTION).findById(clientId);
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
    const collections = [PERMISSION_MODELS_COLLECTION, FOLDER_ACCESS_COLLECTION, CLIENT_MEMBERS_COLLECTION];
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
