import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, NotFoundError } from '../shared/domain-errors';
import { effectiveRight } from '../folders/folder-rights';
import {
  admin,
  chain,
  clientId,
  contact,
  decide,
  folder,
  given,
  owner,
  set,
  stateOf,
} from '../testing/client-fixtures';
import { clientDecider } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('Folder rights commands', () => {
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

  describe('SetFolderPermission', () => {
    const events = [...given, folder('a', null), set('a', 'p1', 'full')];

    it('a contact never sets rights, even with full access', () =>
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
        .thenThrows(ForbiddenError));

    it('rights only go to the client members', () =>
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

    it('a contact who leaves keeps its rights for when it comes back, and has none while away', () => {
      const detached = { type: 'ContactDetached' as const, data: { clientId, contactId: 'p1' } };
      const away = stateOf([...events, detached]);
      expect(away.folders.a.rights).toEqual(stateOf(events).folders.a.rights);
      expect(Object.hasOwn(away.contacts, 'p1')).toBe(false);
      const back = stateOf([
        ...events,
        detached,
        { type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } },
      ]);
      expect(back.folders.a.rights).toEqual(stateOf(events).folders.a.rights);
    });
  });

  describe('CascadePermissions by a collaborator restricted inside the client', () => {
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
  });

  describe('cascading for every member', () => {
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
