import fc from 'fast-check';
import {
  clientDecider,
  DomainError,
  type ActiveClient,
  type Actor,
  type ClientCommand,
  type ClientState,
} from '@dossiers/domain';
import type { Access, ClientEvent, FolderRight, RecordedEvent } from '@dossiers/events';

/**
 * The rights' property-test generator: random trees and random sequences of SetFolderPermission,
 * CascadePermissions, folder moves and deletions, tree templates, and members coming and going,
 * played through the client decider on one client (`clientId`), whose refusals are skipped.
 */
export const clientId = 'c';
const admin: Actor = { id: 'admin', role: 'admin' };
const contacts = ['p1', 'p2', 'p3'];
const collaborators = ['k1', 'k2'];
export const principalIds = [...contacts, ...collaborators];
const rights: FolderRight[] = ['none', 'read', 'full', 'inherit'];
const accesses: Access[] = ['none', 'read', 'full'];

/** A command drawn from small integers, resolved against the current state so most of them apply. */
export type Step =
  | { kind: 'create'; parent: number; name: number; locked: boolean }
  | { kind: 'set'; folder: number; principal: number; right: number }
  | { kind: 'cascade'; folder: number; some: number[] | null }
  | { kind: 'move'; folder: number; parent: number }
  | { kind: 'delete'; folder: number }
  | { kind: 'member'; principal: number; access: number; leave: boolean }
  | { kind: 'template'; root: number; child: number; defaults: [number, number] };

export const step: fc.Arbitrary<Step> = fc.oneof(
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
    recordedAt: '2026-01-01T00:00:00Z',
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
export function play(steps: Step[]): { state: ActiveClient; events: RecordedEvent[] } {
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
