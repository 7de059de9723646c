import { projectionSpecification, type SpecEvent } from '../testing/projection-specification';
import type { ClientActivityDoc } from './activity.document';
import { CLIENT, clientCreated, loggedEntries, on } from './testing/activity.fixtures';
import type { LoggedActivity } from './activity-log';
import { clientActivityProjection } from './client-activity.projection';

const spec = projectionSpecification(clientActivityProjection);
const clientId = CLIENT;

/** The entries logged after `history` then `events`, oldest first. */
const entriesAfter = (history: SpecEvent[], events: SpecEvent | SpecEvent[]): LoggedActivity[] =>
  loggedEntries([...history, ...(Array.isArray(events) ? events : [events])]);
const lastAfter = (history: SpecEvent[], events: SpecEvent | SpecEvent[]) =>
  entriesAfter(history, events).at(-1)!;

const credential = { keyId: 'k', iv: 'i', tag: 't', data: 'd' };

describe('client-activity projection: the client, its people, connectors and forms', () => {
  it('makes a created client one document with the position of its first entry, logged with every field filled or null', () => {
    const created = on(
      { type: 'ClientCreated', data: { clientId, name: 'Acme', groupId: 'g1', attributes: { siren: '1' } } },
      { actor: 'user-7', actorRole: 'admin', occurredAt: '2026-03-01T10:00:00.000Z', tenant: 'firm-b' },
    );
    const [doc] = spec
      .given([])
      .when({ ...created, id: 'e-created' })
      .documents();
    expect(doc).toEqual<ClientActivityDoc>({
      _id: clientId,
      tenant: 'firm-b',
      name: 'Acme',
      groupId: 'g1',
      folders: {},
      files: {},
      connectors: {},
      contacts: {},
      forms: {},
      reminders: {},
      deleted: false,
      positions: [[1]],
    });
    expect(loggedEntries([{ ...created, id: 'e-created' }])).toEqual<LoggedActivity[]>([
      {
        id: 'e-created',
        position: 1,
        occurredAt: '2026-03-01T10:00:00.000Z',
        type: 'client.created',
        actorId: 'user-7',
        actorRole: 'admin',
        fileId: null,
        fileName: null,
        fileNameKey: null,
        format: null,
        folderId: null,
        folderPath: null,
        folderTrail: null,
        otherFolderIds: [],
        subjectId: null,
        details: { name: 'Acme' },
        clientId,
      },
    ]);
  });

  it('keeps the actor as recorded, and a null role for an event that kept none', () =>
    expect(lastAfter([], clientCreated())).toMatchObject({ actorId: 'user-1', actorRole: null }));

  it('names a rename by the name before and after, the next rename by the name it then had', () => {
    const rename = (name: string) => on({ type: 'ClientRenamed', data: { clientId, name } });
    const entries = entriesAfter([clientCreated('Acme')], [rename('Acme SA'), rename('Acme Group')]);
    expect(entries.slice(1).map((e) => [e.type, e.details])).toEqual([
      ['client.renamed', { previousName: 'Acme', name: 'Acme SA' }],
      ['client.renamed', { previousName: 'Acme SA', name: 'Acme Group' }],
    ]);
  });

  it('records the three kinds of information change as client.info_changed', () => {
    const entries = entriesAfter(
      [clientCreated()],
      [
        on({ type: 'ClientGroupChanged', data: { clientId, groupId: 'g2' } }),
        on({ type: 'ClientGroupChanged', data: { clientId, groupId: null } }),
        on({
          type: 'ClientAttributesChanged',
          data: { clientId, set: { siren: '2', city: 'Lyon' }, removed: ['vat'] },
        }),
        on({
          type: 'SheetTemplateLoaded',
          data: {
            clientId,
            templateId: 's1',
            templateName: 'PME',
            fields: [{ key: 'k', label: 'K', type: 'text', required: false }],
          },
        }),
      ],
    );
    expect(entries.slice(1).map((e) => [e.type, e.details])).toEqual([
      ['client.info_changed', { change: 'group', groupId: 'g2', previousGroupId: null }],
      ['client.info_changed', { change: 'group', groupId: null, previousGroupId: 'g2' }],
      ['client.info_changed', { change: 'attributes', fields: 'siren, city, vat' }],
      [
        'client.info_changed',
        { change: 'sheet_template', templateId: 's1', templateName: 'PME', fieldCount: 1 },
      ],
    ]);
  });

  it('keeps a deleted client, marked deleted, with its history and the name it had', () => {
    const [doc] = spec
      .given([clientCreated('Acme')])
      .when(on({ type: 'ClientDeleted', data: { clientId } }))
      .documents();
    expect(doc.deleted).toBe(true);
    expect(doc.positions).toEqual([[1, 2]]);
    const deleted = on({ type: 'ClientDeleted', data: { clientId } });
    expect(entriesAfter([clientCreated('Acme')], deleted).map((e) => [e.type, e.details])).toEqual([
      ['client.created', { name: 'Acme' }],
      ['client.deleted', { name: 'Acme' }],
    ]);
  });

  it('records contacts attached, invited, their language changed, detached, with the contact as subject', () => {
    const entries = entriesAfter(
      [clientCreated()],
      [
        on({ type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'fr' } }),
        on({ type: 'ContactInvited', data: { clientId, contactId: 'p1', language: 'fr' } }),
        on({ type: 'ContactLanguageChanged', data: { clientId, contactId: 'p1', language: 'en' } }),
        on({ type: 'ContactDetached', data: { clientId, contactId: 'p1' } }),
        on({ type: 'ContactAttached', data: { clientId, contactId: 'p1', language: 'de' } }),
      ],
    );
    expect(entries.slice(1).map((e) => [e.type, e.subjectId, e.details])).toEqual([
      ['contact.attached', 'p1', { language: 'fr' }],
      ['contact.invited', 'p1', { language: 'fr' }],
      ['contact.language_changed', 'p1', { language: 'en', previousLanguage: 'fr' }],
      ['contact.detached', 'p1', {}],
      ['contact.attached', 'p1', { language: 'de' }],
    ]);
  });

  it("records an activation, from the contact's stream, in the client whose invitation was used", () => {
    const activated = on(
      { type: 'ContactActivated', data: { contactId: 'p1', invitationId: 'inv1', clientId, credential } },
      { actor: 'contact:p1', actorRole: 'contact' },
    );
    expect(lastAfter([clientCreated()], activated)).toMatchObject({
      type: 'contact.activated',
      subjectId: 'p1',
      actorId: 'contact:p1',
      actorRole: 'contact',
      details: {},
    });
  });

  it('skips an activation that names no client (a v1 event or an old link), and one of an unknown client', () => {
    const activation = (data: object, schemaVersion?: number): SpecEvent =>
      ({
        type: 'ContactActivated',
        streamId: 'contact-p1',
        data: { contactId: 'p1', invitationId: 'inv1', credential, ...data },
        schemaVersion,
      }) as SpecEvent;
    const entries = entriesAfter(
      [clientCreated()],
      [activation({}, 1), activation({ clientId: null }), activation({ clientId: 'other' })],
    );
    expect(entries.map((e) => e.type)).toEqual(['client.created']);
    expect(
      spec
        .given([clientCreated()])
        .when(activation({ clientId: 'other' }))
        .documents(),
    ).toHaveLength(1);
  });

  it('records access given to a collaborator, with the access before', () =>
    expect(
      lastAfter(
        [clientCreated()],
        on({
          type: 'CollaboratorAccessSet',
          data: { clientId, collaboratorId: 'k1', access: 'read', previousAccess: null },
        }),
      ),
    ).toMatchObject({
      type: 'collaborator.access_set',
      subjectId: 'k1',
      details: { access: 'read', previousAccess: null },
    }));

  it('tells a connector enabled (its first configuration) from one changed, and enabled again after removal', () => {
    const configured = on({
      type: 'ConnectorConfigured',
      data: { clientId, connectorId: 'acd', settings: { login: 'x' }, secrets: { password: credential } },
    });
    const removed = on({ type: 'ConnectorRemoved', data: { clientId, connectorId: 'acd' } });
    const entries = entriesAfter([clientCreated()], [configured, configured, removed, configured]);
    expect(entries.slice(1).map((e) => [e.type, e.details])).toEqual([
      ['connector.enabled', { connectorId: 'acd' }],
      ['connector.changed', { connectorId: 'acd' }],
      ['connector.removed', { connectorId: 'acd' }],
      ['connector.enabled', { connectorId: 'acd' }],
    ]);
    // No secret, nor any setting, reaches the log.
    expect(JSON.stringify(entries)).not.toMatch(/password|login|"d"/);
  });

  it('records a form sent, with its one contact as subject, or none and the count for several', () => {
    const sent = (contactIds: string[]) =>
      on({
        type: 'FormSent',
        data: {
          ...{ clientId, formId: 'f1', formTemplateId: 't', formName: 'Bilan 2025', contactIds },
          ...{ title: 'Bilan 2025', message: null, recipients: [] },
        },
      });
    const entries = entriesAfter([clientCreated()], [sent(['p1']), sent(['p1', 'p2'])]);
    expect(entries.slice(1).map((e) => [e.type, e.subjectId, e.details])).toEqual([
      ['form.sent', 'p1', { formId: 'f1', formName: 'Bilan 2025', contactCount: 1 }],
      ['form.sent', null, { formId: 'f1', formName: 'Bilan 2025', contactCount: 2 }],
    ]);
  });

  it('ignores the events of a client it never saw created', () =>
    spec
      .given([])
      .when(on({ type: 'ClientRenamed', data: { clientId, name: 'X' } }))
      .then([]));
});
