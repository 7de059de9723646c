import type { ClientEvent } from '@dossiers/events';
import type { Document } from '@dossiers/read-store';
import { defineProjection, type Handled, type Recorded } from '../projection/projection';

/** How many clients a firm has: the list's `total` without counting 100k index entries per page. */
export interface ClientCountDoc extends Document {
  /** the tenant */
  _id: string;
  clients: number;
}

export const CLIENT_COUNTS_COLLECTION = 'client_counts';

const COUNTED = ['ClientCreated', 'ClientDeleted'] as const satisfies readonly ClientEvent['type'][];
type Counted = Handled<ClientEvent, typeof COUNTED>;

function evolveClientCount(doc: ClientCountDoc | null, event: Recorded<Counted>): ClientCountDoc {
  const clients = doc?.clients ?? 0;
  switch (event.type) {
    case 'ClientCreated':
      return { _id: event.metadata.tenant, clients: clients + 1 };
    case 'ClientDeleted':
      return { _id: event.metadata.tenant, clients: clients - 1 };
  }
}

export const clientCountProjection = defineProjection<ClientCountDoc, Counted>({
  name: 'client-count',
  collection: CLIENT_COUNTS_COLLECTION,
  canHandle: COUNTED,
  documentId: (event) => event.metadata.tenant,
  evolve: evolveClientCount,
  indexes: [],
});
