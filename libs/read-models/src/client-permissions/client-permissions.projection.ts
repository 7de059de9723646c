import { defineProjection, idFrom } from '../projection/projection';
import { deriveChangedFolderAccess } from './derive-changed-folder-access';
import { deriveFolderAccess } from './derive-folder-access';
import { CLIENT_MEMBERS_COLLECTION, FOLDER_ACCESS_COLLECTION } from './folder-access.document';
import {
  evolvePermissionModel,
  PERMISSION_MODEL_EVENTS,
  PERMISSION_MODEL_PARTS_COLLECTION,
  PERMISSION_MODELS_COLLECTION,
  type PermissionModelDoc,
  type PermissionModelEvent,
} from './permission-model';

/**
 * Folders and rights: the compact permission model per client, and derived from it the folder
 * documents (with every principal's effective right) and the client memberships that the
 * authorisation, the matrix, the "eye" and the client lists of collaborators and contacts read.
 */
export const clientPermissionsProjection = defineProjection<PermissionModelDoc, PermissionModelEvent>({
  name: 'client-permissions',
  collection: PERMISSION_MODELS_COLLECTION,
  indexes: [],
  canHandle: PERMISSION_MODEL_EVENTS,
  creates: ['ClientCreated'],
  documentId: idFrom('clientId'),
  evolve: evolvePermissionModel,
  parts: { collection: PERMISSION_MODEL_PARTS_COLLECTION, field: 'folders' },
  derived: {
    collections: [
      {
        name: FOLDER_ACCESS_COLLECTION,
        indexes: [
          {
            name: 'client_tree',
            fields: [
              ['clientId', 1],
              ['sortKey', 1],
            ],
          },
        ],
      },
      {
        name: CLIENT_MEMBERS_COLLECTION,
        indexes: [
          {
            name: 'principal_clients',
            fields: [
              ['tenant', 1],
              ['principalId', 1],
              ['visible', 1],
              ['clientId', 1],
            ],
          },
          { name: 'client_members', fields: [['clientId', 1]] },
        ],
      },
    ],
    derive: deriveFolderAccess,
    deriveChanged: deriveChangedFolderAccess,
  },
});
