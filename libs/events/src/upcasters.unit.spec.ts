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

  it('gives an activation recorded before activations named their client no client', () => {
    const credential = { keyId: 'k', iv: 'i', tag: 't', data: 'd' };
    const v1 = {
      ...stored(1, { contactId: 'p1', invitationId: 'inv1', credential }),
      type: 'ContactActivated',
    };
    const upcasted = upcast(v1);
    expect(upcasted.schemaVersion).toBe(2);
    expect(upcasted.data).toEqual({ contactId: 'p1', invitationId: 'inv1', clientId: null, credential });
    const v2 = { ...v1, schemaVersion: 2, data: { ...upcasted.data, clientId: 'c1' } };
    expect(upcast(v2)).toBe(v2);
  });

  it('gives firm settings recorded before the calendar the default calendar and no firm name', () => {
    const v1 = { ...stored(1, { newFolderDefault: 'locked' }), type: 'TenantSettingsChanged' };
    const upcasted = upcast(v1);
    expect(upcasted.schemaVersion).toBe(2);
    expect(upcasted.data).toEqual({
      newFolderDefault: 'locked',
      timeZone: 'Europe/Paris',
      sendHour: '09:00',
      firmName: '',
    });
    const v2 = { ...v1, schemaVersion: 2, data: { ...upcasted.data, timeZone: 'Europe/Brussels' } };
    expect(upcast(v2)).toBe(v2);
  });

  it('files the report of a form template recorded before target folders at the root, with no messages', () => {
    const sections = [{ title: 'S', questions: [] }];
    const v1 = { ...stored(1, { templateId: 'f1', name: 'Bilan', sections }), type: 'FormTemplateCreated' };
    const upcasted = upcast(v1);
    expect(upcasted.schemaVersion).toBe(2);
    expect(upcasted.data).toEqual({
      templateId: 'f1',
      name: 'Bilan',
      sections,
      targetFolderPath: null,
      messages: {},
    });
    const v2 = { ...v1, schemaVersion: 2, data: { ...upcasted.data, targetFolderPath: 'Social' } };
    expect(upcast(v2)).toBe(v2);
  });

  it('titles a form sent before v2 with its name; it mailed nobody, so no recipient has a mail', () => {
    const v1 = {
      ...stored(1, {
        clientId: 'c1',
        formId: 'f1',
        formTemplateId: 't1',
        formName: 'KYC',
        contactIds: ['p1'],
      }),
      type: 'FormSent',
    };
    const upcasted = upcast(v1);
    expect(upcasted.schemaVersion).toBe(2);
    expect(upcasted.data).toEqual({
      ...{ clientId: 'c1', formId: 'f1', formTemplateId: 't1', formName: 'KYC', contactIds: ['p1'] },
      ...{ title: 'KYC', message: null, recipients: [] },
    });
  });

  it('refuses to guess when an upcaster is missing', () => {
    expect(() => upcastWith(stored(0, {}), {})).toThrow(/No upcaster for ClientCreated/);
  });
});
