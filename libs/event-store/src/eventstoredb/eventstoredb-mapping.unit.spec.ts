import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@dossiers/events';
import { isAfter } from '../event-store.port';
import {
  knownPosition,
  NO_POSITION,
  toEsdbExpectedRevision,
  toEventData,
  toRecordedEvent,
} from './eventstoredb-mapping';

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

  // The client reads unset protobuf fields as "0"; the server writes "no position" as 2^64-1.
  it.each([
    ['absent', undefined],
    ['zeros', { commit: 0n, prepare: 0n }],
    ["the server's no-position", { commit: NO_POSITION, prepare: NO_POSITION }],
    ['no prepare position', { commit: 1200n, prepare: NO_POSITION }],
  ])('refuses an event whose position is %s rather than invent a checkpoint', (_, position) => {
    const recorded = { ...toEventData(event), streamId: 's', revision: 0n, position, created: new Date() };
    expect(() => toRecordedEvent(recorded)).toThrow(/no position for s@0/);
  });

  it('knows a real position, however small or large', () => {
    expect(NO_POSITION).toBe(18_446_744_073_709_551_615n);
    for (const position of [
      { commit: 1n, prepare: 1n },
      { commit: 2n ** 53n, prepare: 2n ** 53n - 10n },
    ])
      expect(knownPosition(position)).toBe(position);
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
