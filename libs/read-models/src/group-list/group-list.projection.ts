import { normalizeText } from '@dossiers/domain';
import type { GroupEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, idFrom, type Recorded } from '../projection/projection';

export interface GroupDoc extends Document {
  _id: string;
  tenant: string;
  name: string;
  nameSort: string;
  createdAt: string;
}

export const GROUPS_COLLECTION = 'groups';

/** A group is created and never changes. */
function evolveGroupList(_doc: GroupDoc | null, event: Recorded<GroupEvent>): GroupDoc {
  return {
    _id: event.data.groupId,
    tenant: event.metadata.tenant,
    name: event.data.name,
    nameSort: normalizeText(event.data.name),
    createdAt: event.metadata.occurredAt,
  };
}

export const groupListProjection = defineProjection<GroupDoc, GroupEvent>({
  name: 'group-list',
  collection: GROUPS_COLLECTION,
  canHandle: ['GroupCreated'],
  documentId: idFrom('groupId'),
  evolve: evolveGroupList,
  indexes: [
    {
      name: 'tenant_name',
      fields: [
        ['tenant', 1],
        ['nameSort', 1],
      ],
    },
  ],
});
