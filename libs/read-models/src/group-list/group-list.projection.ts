import { normalizeText } from '@dossiers/domain';
import type { GroupEvent, RecordedEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection } from '../projection/projection';

export interface GroupDoc extends Document {
  _id: string;
  tenant: string;
  name: string;
  nameSort: string;
  createdAt: string;
}

export const GROUPS_COLLECTION = 'groups';

export function evolveGroupList(doc: GroupDoc | null, recorded: RecordedEvent): GroupDoc | null {
  const event = recorded as RecordedEvent & GroupEvent;
  switch (event.type) {
    case 'GroupCreated':
      return {
        _id: event.data.groupId,
        tenant: event.metadata.tenant,
        name: event.data.name,
        nameSort: normalizeText(event.data.name),
        createdAt: event.metadata.occurredAt,
      };
    default:
      return doc;
  }
}

export const groupListProjection = defineProjection<GroupDoc>({
  name: 'group-list',
  collection: GROUPS_COLLECTION,
  handles: new Set<GroupEvent['type']>(['GroupCreated']),
  documentId: (event) => (event.data as { groupId: string }).groupId,
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
