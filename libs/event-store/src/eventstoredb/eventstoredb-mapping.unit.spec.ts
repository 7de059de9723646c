import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@dossiers/events';
import { isAfter } from '../event-store.port';
import { toEsdbExpectedRevision, toEventData, toRecordedEvent } from './eventstoredb-mapping';

const event: NewEvent = {
  id: randomUUID(),
  type: 'ClientCreated',
  schemaVersion: 3,
  data: { name: 'Acme' },
  metadata: {
    tenant: 't',
    actor: 'a',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2024-05-01T12:00:00.000Z',
  },
};

describe('EventStoreDB mapping', () => {
  it('carries the schema version in the metadata and takes it out again', () => {
    const written = toEventData(event);
    expect(written).toMatchObject({ id: event.id, type: event.type, data: event.data });
    expect(written.metadata).toEqual({ ...event.metadata, schemaVersion: 3 });

    const read = toRecordedEvent({
      ...written,
      streamId: 'client-1',
      revision: 4n,
      position: { commit: 1200n, prepare: 1100n },
      created: new Date(Date.UTC(2024, 4, 1, 12, 0, 1, 250)),
    });

    expect(read).toEqual({
      ...event,
      streamId: 'client-1',
      revision: 4,
      position: 1200,
      prepare: 1100,
      recordedAt: '2024-05-01T12:00:01.250Z',
    });
  });

  it('refuses an event without a position rather than invent a checkpoint', () => {
    expect(() =>
      toRecordedEvent({ ...toEventData(event), streamId: 's', revision: 0n, created: new Date() }),
    ).toThrow(/position/);
  });

  it('maps every expected revision', () => {
    expect(
      [0, 7, 'any', 'no_stream', 'stream_exists'].map((e) => toEsdbExpectedRevision(e as never)),
    ).toEqual([0n, 7n, 'any', 'no_stream', 'stream_exists']);
  });

  it('orders positions by commit, then prepare', () => {
    const at = (position: number, prepare: number) => ({
      ...event,
      streamId: 's',
      revision: 0,
      position,
      prepare,
      recordedAt: event.metadata.occurredAt,
    });
    expect(isAfter(at(10, 10), undefined)).toBe(true);
    expect(isAfter(at(10, 10), { position: 10, prepare: 10 })).toBe(false);
    expect(isAfter(at(10, 12), { position: 10, prepare: 11 })).toBe(true);
    expect(isAfter(at(11, 5), { position: 10, prepare: 11 })).toBe(true);
    expect(isAfter(at(9, 20), { position: 10 })).toBe(false);
  });
});
