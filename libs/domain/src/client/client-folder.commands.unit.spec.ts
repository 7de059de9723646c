import type { ClientEvent } from '@dossiers/events';
import { deciderSpecification } from '../testing/decider-specification';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../shared/domain-errors';
import type { Actor } from '../shared/actor';
import {
  admin,
  chain,
  clientId,
  contact,
  decide,
  folder,
  given,
  outsider,
  owner,
  reader,
  set,
} from '../testing/client-fixtures';
import { clientDecider, type ClientCommand } from './client.decider';

const spec = deciderSpecification(clientDecider);

describe('Folder commands: the shape of the tree', () => {
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

  describe('who may shape it', () => {
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

    it('a contact never shapes the tree, even with full access', () =>
      spec.given(events).when(rename(contact)).thenThrows(ForbiddenError));
  });

  describe('a collaborator restricted inside the client', () => {
    // k-full has full client access, but the folder 'secret' below 'open' is closed to them.
    const events = [
      ...given,
      folder('open', null),
      folder('secret', 'open'),
      folder('deep', 'secret'),
      set('secret', 'k-full', 'none'),
    ];

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
});
