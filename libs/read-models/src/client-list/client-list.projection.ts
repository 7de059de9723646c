import { normalizeText } from '@dossiers/domain';
import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import { defineProjection } from '../projection/projection';
import { CLIENTS_COLLECTION, type ClientListDoc } from './client-list.document';

type ClientRecorded = RecordedEvent<ClientEvent['type']> & ClientEvent;

function touched(doc: ClientListDoc, event: RecordedEvent, changes: Partial<ClientListDoc>): ClientListDoc {
  return { ...doc, ...changes, updatedAt: event.metadata.occurredAt, revision: event.revision };
}

export function evolveClientList(doc: ClientListDoc | null, recorded: RecordedEvent): ClientListDoc | null {
  const event = recorded as ClientRecorded;
  if (event.type === 'ClientCreated') {
    const { clientId, name, groupId, attributes } = event.data;
    const at = event.metadata.occurredAt;
    return {
      _id: clientId,
      tenant: event.metadata.tenant,
      name,
      nameSort: normalizeText(name),
      searchText: normalizeText(name),
      groupId,
      attributes,
      membersCount: 0,
      directoriesCount: 0,
      createdAt: at,
      updatedAt: at,
      revision: event.revision,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'ClientRenamed':
      return touched(doc, event, {
        name: event.data.name,
        nameSort: normalizeText(event.data.name),
        searchText: normalizeText(event.data.name),
      });
    case 'ClientGroupChanged':
      return touched(doc, event, { groupId: event.data.groupId });
    case 'ClientAttributesChanged': {
      const attributes = { ...doc.attributes, ...event.data.set };
      for (const key of event.data.removed) delete attributes[key];
      return touched(doc, event, { attributes });
    }
    case 'ClientDeleted':
      return null;
    default:
      return doc;
  }
}

export const clientListProjection = defineProjection<ClientListDoc>({
  name: 'client-list',
  collection: CLIENTS_COLLECTION,
  handles: new Set<ClientEvent['type']>([
    'ClientCreated',
    'ClientRenamed',
    'ClientGroupChanged',
    'ClientAttributesChanged',
    'ClientDeleted',
  ]),
  documentId: (event) => (event.data as { clientId: string }).clientId,
  evolve: evolveClientList,
  // Each index ends with _id (the tie-breaker) and searchText, so that a search, its sort and its
  // total are answered from index entries alone, without reading a document.
  indexes: [
    {
      name: 'tenant_name',
      fields: [
        ['tenant', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
    {
      name: 'tenant_created',
      fields: [
        ['tenant', 1],
        ['createdAt', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
    {
      name: 'tenant_group_name',
      fields: [
        ['tenant', 1],
        ['groupId', 1],
        ['nameSort', 1],
        ['_id', 1],
        ['searchText', 1],
      ],
    },
  ],
});
