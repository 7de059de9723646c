import type { ClientEvent, RecordedEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection } from '../projection/projection';

/** How many clients a firm has: the list's `total` without counting 100k index entries per page. */
export interface ClientCountDoc extends Document {
  /** the tenant */
  _id: string;
  clients: number;
}

export const CLIENT_COUNTS_COLLECTION = 'client_counts';

export function evolveClientCount(doc: ClientCountDoc | null, event: RecordedEvent): ClientCountDoc | null {
  const clients = doc?.clients ?? 0;
  switch (event.type as ClientEvent['type']) {
    case 'ClientCreated':
      return { _id: event.metadata.tenant, clients: clients + 1 };
    case 'ClientDeleted':
      return { _id: event.metadata.tenant, clients: clients - 1 };
    default:
      return doc;
  }
}

export const clientCountProjection = defineProjection<ClientCountDoc>({
  name: 'client-count',
  collection: CLIENT_COUNTS_COLLECTION,
  handles: new Set<ClientEvent['type']>(['ClientCreated', 'ClientDeleted']),
  documentId: (event) => event.metadata.tenant,
  evolve: evolveClientCount,
  indexes: [],
});
