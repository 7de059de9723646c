import type { RecordedEvent } from './envelope';
import { upcast, upcastWith, type Upcaster } from './upcasters';

const stored = (schemaVersion: number, data: Record<string, unknown>): RecordedEvent =>
  ({
    id: 'e1',
    type: 'ClientCreated',
    schemaVersion,
    data,
    metadata: {
      tenant: 't',
      actor: 'a',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-01-01T00:00:00Z',
    },
    streamId: 's',
    revision: 0,
    position: 1,
  }) as RecordedEvent;

describe('upcast', () => {
  it('leaves an event at the current version untouched', () => {
    const event = stored(1, { clientId: 'c1', name: 'A', groupId: null, attributes: {} });
    expect(upcast(event)).toBe(event);
  });

  it('applies the chain of upcasters up to the current version', () => {
    const chain = { ClientCreated: { 0: ((v0) => ({ ...v0, attributes: {} })) as Upcaster } };
    const upcasted = upcastWith(stored(0, { clientId: 'c1', name: 'A', groupId: null }), chain);
    expect(upcasted.schemaVersion).toBe(1);
    expect(upcasted.data).toEqual({ clientId: 'c1', name: 'A', groupId: null, attributes: {} });
  });

  it('refuses to guess when an upcaster is missing', () => {
    expect(() => upcastWith(stored(0, {}), {})).toThrow(/No upcaster for ClientCreated/);
  });
});
