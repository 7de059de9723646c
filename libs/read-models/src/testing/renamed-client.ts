import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@dossiers/events';

/** A client's event at `revision` of its stream: its creation at 0, then a rename to `Name <revision>`. */
export function renamedClientEvent(clientId: string, revision: number): NewEvent {
  return {
    id: randomUUID(),
    type: revision === 0 ? 'ClientCreated' : 'ClientRenamed',
    schemaVersion: 1,
    data:
      revision === 0
        ? { clientId, name: 'Name 0', groupId: null, attributes: {} }
        : { clientId, name: `Name ${revision}` },
    metadata: {
      tenant: 't',
      actor: 'a',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
  };
}
