import type { RecordedEvent } from '@dossiers/events';

/**
 * Recorded events of a toy projection's own types, for engine specs: each at the next global
 * position of this maker, in the stream `<prefix>-<data.key>`, with fixed metadata.
 */
export function toyEvents(prefix: string) {
  let position = 0;
  return (type: string, data: { key: string } & Record<string, unknown>): RecordedEvent =>
    ({
      id: `e${++position}`,
      type,
      schemaVersion: 1,
      data,
      metadata: {
        tenant: 't',
        actor: 'a',
        correlationId: 'c',
        causationId: null,
        occurredAt: '2026-01-01T00:00:00Z',
      },
      streamId: `${prefix}-${data.key}`,
      revision: 0,
      position,
      recordedAt: '2026-01-01T00:00:00Z',
    }) as RecordedEvent;
}
