import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import { effectiveRight } from '../folders/folder-rights';
import { clientDecider, type ClientCommand } from './client.decider';
import type { Actor } from './client-access';
import type { ActiveClient } from './client.state';

const spec = deciderSpecification(clientDecider);
const clientId = 'c1';
const admin: Actor = { id: 'a', role: 'admin' };
const reader: Actor = { id: 'k-read', role: 'collaborator' };
const owner: Actor = { id: 'k-full', role: 'collaborator' };
const outsider: Actor = { id: 'k-none', role: 'collaborator' };
const contact: Actor = { id: 'p1', role: 'contact' };

const given: ClientEvent[] = [
  { type: 'ClientCreated', data: { clientId, name: 'Acme', groupId: null, attributes: {} } },
  { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k-read', access: 'read', previousAccess: null },
  },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k-full', access: 'full', previousAccess: null },
  },
  {
    type: 'CollaboratorAccessSet',
    data: { clientId, collaboratorId: 'k-none', access: 'none', previousAccess: null },
  },
];
const folder = (folderId: string, parentId: string | null, name = folderId): ClientEvent => ({
  type: 'FolderCreated',
  data: { clientId, folderId, parentId, name, contactDefault: null },
});
const set = (
  folderId: string,
  principalId: string,
  right: 'none' | 'read' | 'full' | 'inherit',
): ClientEvent => ({
  type: 'FolderPermissionSet',
  data: { clientId, folderId, principalId, right },
});
/** A chain of `depth` folders l0 > l1 > ... */
const chain = (depth: number) =>
  Array.from({ length: depth }, (_, i) => folder(`l${i}`, i === 0 ? null : `l${i - 1}`));
const stateOf = (events: ClientEvent[]) =>
  events.reduce(clientDecider.evolve, clientDecider.initialState()) as ActiveClient;
const decide = (events: ClientEvent[], command: ClientCommand) =>
  clientDecider.decide(command, stateOf(events));

describe('Client decider: folders and rights', () => {
  describe('effective rights on a 10-level tree', () => {
    const tree = [...given, ...chain(10)];
    const p1 = { id: 'p1', kind: 'contact' as const };
    const kRead = { id: 'k-read', kind: 'collaborator' as const, clientAccess: 'read' as const };

    it('inherit all the way: a contact has none, a collaborator their client access', () => {
      const state = stateOf(tree);
      expect(effectiveRight(state.folders, 'l9', p1)).toBe('none');
      expect(effectiveRight(state.folders, 'l9', kRead)).toBe('read');
    });

    it('a right set high flows down; a lower right set deeper wins below it', () => {
      const state = stateOf([
        ...tree,
        set('l2', 'p1', 'full'),
        set('l6', 'p1', 'read'),
        set('l8', 'p1', 'none'),
      ]);
      const rights = Array.from({ length: 10 }, (_, i) => effectiveRight(state.folders, `l${i}`, p1));
      expect(rights).toEqual([
        'none',
        'none',
        'full',
        'full',
        'full',
        'full',
        'read',
        'read',
        'none',
        'none',
      ]);
    });

    it('cascade copies the folder effective rights onto every descendant, in one event listing them', () => {
      const events = decide([...tree, set('l2', 'p1', 'full'), set('l6', 'p1', 'none')], {
        type: 'CascadePermissions',
        clientId,
        folderId: 'l3',
        principalIds: ['p1'],
        actor: admin,
      });
      expect(events).toEqual([
        {
          type: 'FolderPermissionsCascaded',
          data: {
            clientId,
            folderId: 'l3',
            rights: { p1: 'full' },
            folderIds: ['l4', 'l5', 'l6', 'l7', 'l8', 'l9'],
          },
        },
      ]);
      const state = stateOf([...tree, set('l2', 'p1', 'full'), set('l6', 'p1', 'none'), ...events]);
      expect(effectiveRight(state.folders, 'l9', p1)).toBe('full');
    });

    it('a moved folder that inherits follows its new parent; one with its own right keeps it', () => {
      const events = [
        ...tree,
        folder('side', null),
        set('side', 'p1', 'read'),
        set('l4', 'p1', 'full'),
        set('l7', 'p1', 'none'),
      ];
      const moved = decide(events, {
        type: 'UpdateFolder',
        clientId,
        folderId: 'l5',
        parentId: 'side',
        actor: admin,
      });
      expect(moved).toEqual([{ type: 'FolderMoved', data: { clientId, folderId: 'l5', parentId: 'side' } }]);
      const state = stateOf([...events, ...moved]);
      expect(effectiveRight(state.folders, 'l5', p1)).toBe('read');
      expect(effectiveRight(state.folders, 'l7', p1)).toBe('none');
    });
  });

  describe('CreateFolder / UpdateFolder / DeleteFolder', () => {
    const create = (parentId: string | null, name: string, actor = admin, folderId = 'n'): ClientCommand => ({
      type: 'CreateFolder',
      clientId,
      folderId,
      parentId,
      name,
      contactDefault: null,
      actor,
    });

    it('creates under a parent, and refuses a sibling of the same name in another case', () => {
      spec
        .given([...given, folder('a', null, 'Compta')])
        .when(create('a', 'Factures'))
        .then([folder('n', 'a', 'Factures')]);
      spec
        .given([...given, folder('a', null, 'Compta')])
        .when(create(null, 'compta'))
        .thenThrows(RuleViolationError, 'FOLDER_NAME_TAKEN');
    });

    it('refuses bad names and an 11th level', () => {
      spec.given(given).when(create(null, '..')).thenThrows(ValidationError);
      spec.given(given).when(create(null, 'a/b')).thenThrows(ValidationError);
      spec
        .given([...given, ...chain(10)])
        .when(create('l9', 'deeper'))
        .thenThrows(RuleViolationError, 'FOLDER_TOO_DEEP');
    });

    it('moves a 9-level subtree under a root folder, not one level deeper (10 levels at most)', () => {
      const events = [...given, ...chain(9), folder('x', null), folder('y', 'x')];
      const move = (parentId: string): ClientCommand => ({
        type: 'UpdateFolder',
        clientId,
        folderId: 'l0',
        parentId,
        actor: admin,
      });
      spec
        .given(events)
        .when(move('x'))
        .then([{ type: 'FolderMoved', data: { clientId, folderId: 'l0', parentId: 'x' } }]);
      spec.given(events).when(move('y')).thenThrows(RuleViolationError, 'FOLDER_TOO_DEEP');
    });

    it('refuses a move into itself or below it', () => {
      spec
        .given([...given, ...chain(3)])
        .when({ type: 'UpdateFolder', clientId, folderId: 'l0', parentId: 'l2', actor: admin })
        .thenThrows(RuleViolationError, 'FOLDER_MOVE_CYCLE');
    });

    it('deletes only an empty folder, unless recursive: then its files first, and the whole subtree', () => {
      const upload: ClientEvent = {
        type: 'FileUploaded',
        data: {
          clientId,
          fileId: 'x',
          folderId: 'l1',
          name: 'a.pdf',
          format: 'pdf',
          version: 1,
          blobId: 'b',
          size: 1,
          sha256: 's',
          contentType: 'application/pdf',
        },
      };
      spec
        .given([...given, ...chain(2)])
        .when({ type: 'DeleteFolder', clientId, folderId: 'l0', recursive: false, actor: admin })
        .thenThrows(RuleViolationError, 'FOLDER_NOT_EMPTY');
      spec
        .given([...given, ...chain(2), upload])
        .when({ type: 'DeleteFolder', clientId, folderId: 'l0', recursive: true, actor: admin })
        .then([
          { type: 'FileDeleted', data: { clientId, fileId: 'x' } },
          { type: 'FolderDeleted', data: { clientId, folderIds: ['l0', 'l1'] } },
        ]);
    });
  });

  describe('who may do it', () => {
    const events = [...given, folder('a', null), set('a', 'p1', 'full')];
    const rename = (actor: Actor): ClientCommand => ({
      type: 'UpdateFolder',
      clientId,
      folderId: 'a',
      name: 'b',
      actor,
    });

    it('a collaborator with full access may shape the tree; one with read gets 403', () => {
      spec
        .given(events)
        .when(rename(owner))
        .then([{ type: 'FolderRenamed', data: { clientId, folderId: 'a', name: 'b' } }]);
      spec.given(events).when(rename(reader)).thenThrows(ForbiddenError);
    });

    it('for a collaborator whose access is none the client does not exist (404)', () =>
      spec.given(events).when(rename(outsider)).thenThrows(NotFoundError, 'CLIENT_NOT_FOUND'));

    it('a contact never shapes the tree or its rights, even with full access', () => {
      spec.given(events).when(rename(contact)).thenThrows(ForbiddenError);
      spec
        .given(events)
        .when({
          type: 'SetFolderPermission',
          clientId,
          folderId: 'a',
          principalId: 'p1',
          right: 'read',
          actor: contact,
        })
        .thenThrows(ForbiddenError);
    });

    it('a folder a contact cannot see does not exist for them; with full they may upload', () => {
      const upload = (actor: Actor, folderId: string): ClientCommand => ({
        type: 'UploadFile',
        clientId,
        fileId: 'f',
        folderId,
        name: 'a.pdf',
        content: { blobId: 'b', size: 1, sha256: 's', contentType: 'application/pdf' },
        actor,
      });
      spec
        .given([...events, folder('hidden', null)])
        .when(upload(contact, 'hidden'))
        .thenThrows(NotFoundError, 'FOLDER_NOT_FOUND');
      spec
        .given([...events, set('a', 'p1', 'read')])
        .when(upload(contact, 'a'))
        .thenThrows(ForbiddenError);
      expect(decide(events, upload(contact, 'a'))).toHaveLength(1);
    });

    it('rights only go to the client principals', () =>
      spec
        .given(events)
        .when({
          type: 'SetFolderPermission',
          clientId,
          folderId: 'a',
          principalId: 'stranger',
          right: 'read',
          actor: admin,
        })
        .thenThrows(NotFoundError, 'PRINCIPAL_NOT_FOUND'));

    it('a contact who leaves leaves no right behind', () => {
      const state = stateOf([...events, { type: 'ContactDetached', data: { clientId, contactId: 'p1' } }]);
      expect(state.folders.a.rights).toEqual({});
    });
  });

  describe('a collaborator restricted inside the client (review of issue 4)', () => {
    // k-full has full client access, but the folder 'secret' below 'open' is closed to them.
    const events = [
      ...given,
      folder('open', null),
      folder('secret', 'open'),
      folder('deep', 'secret'),
      set('secret', 'k-full', 'none'),
    ];
    const kFull = { id: 'k-full', kind: 'collaborator' as const, clientAccess: 'full' as const };

    it('cascading cannot reopen a folder closed to them, for them or anyone', () => {
      const cascaded = decide(events, {
        type: 'CascadePermissions',
        clientId,
        folderId: 'open',
        actor: owner,
      });
      const state = stateOf([...events, ...cascaded]);
      expect(effectiveRight(state.folders, 'secret', kFull)).toBe('none');
      expect(effectiveRight(state.folders, 'deep', kFull)).toBe('none');
      expect(state.folders.secret.rights).toEqual({ 'k-full': 'none' });
    });

    it('an admin still cascades onto every folder below', () => {
      const [cascaded] = decide(events, {
        type: 'CascadePermissions',
        clientId,
        folderId: 'open',
        principalIds: ['k-full'],
        actor: admin,
      });
      expect(cascaded).toMatchObject({
        data: { folderIds: ['secret', 'deep'], rights: { 'k-full': 'full' } },
      });
    });

    it('deleting recursively cannot destroy a subfolder they cannot see (403), an admin can', () => {
      const remove = (actor: Actor): ClientCommand => ({
        type: 'DeleteFolder',
        clientId,
        folderId: 'open',
        recursive: true,
        actor,
      });
      spec.given(events).when(remove(owner)).thenThrows(ForbiddenError, 'FORBIDDEN');
      expect(decide(events, remove(admin))).toEqual([
        { type: 'FolderDeleted', data: { clientId, folderIds: ['open', 'secret', 'deep'] } },
      ]);
    });

    it('moving a folder cannot carry a subfolder closed to them elsewhere (403), an admin can', () => {
      const move = (actor: Actor): ClientCommand => ({
        type: 'UpdateFolder',
        clientId,
        folderId: 'open',
        parentId: 'shared',
        actor,
      });
      const withShared = [...events, folder('shared', null), set('shared', 'p1', 'read')];
      spec.given(withShared).when(move(owner)).thenThrows(ForbiddenError, 'FORBIDDEN');
      expect(decide(withShared, move(admin))).toEqual([
        { type: 'FolderMoved', data: { clientId, folderId: 'open', parentId: 'shared' } },
      ]);
    });

    it('a move into a hidden folder answers 404 before any rule says more about it', () => {
      // 'deep' is below 'open': a cycle for a folder they could see; for them it does not exist.
      spec
        .given(events)
        .when({ type: 'UpdateFolder', clientId, folderId: 'open', parentId: 'deep', actor: owner })
        .thenThrows(NotFoundError, 'FOLDER_NOT_FOUND');
      spec
        .given([...events, ...chain(9)])
        .when({ type: 'UpdateFolder', clientId, folderId: 'l0', parentId: 'deep', actor: owner })
        .thenThrows(NotFoundError, 'FOLDER_NOT_FOUND');
    });
  });

  describe('cascading for every principal', () => {
    it('pins nothing for a collaborator whose client access is none: reassigned, they inherit again', () => {
      const events = [...given, folder('a', null), folder('b', 'a')];
      const cascaded = decide([...events, set('a', 'p1', 'read')], {
        type: 'CascadePermissions',
        clientId,
        folderId: 'a',
        actor: admin,
      });
      expect(cascaded).toMatchObject([{ data: { folderIds: ['b'] } }]);
      expect(Object.keys((cascaded[0].data as { rights: object }).rights)).not.toContain('k-none');
      const state = stateOf([
        ...events,
        ...cascaded,
        {
          type: 'CollaboratorAccessSet',
          data: { clientId, collaboratorId: 'k-none', access: 'read', previousAccess: 'none' },
        },
      ]);
      const back = { id: 'k-none', kind: 'collaborator' as const, clientAccess: 'read' as const };
      expect(effectiveRight(state.folders, 'b', back)).toBe('read');
    });
  });
});
