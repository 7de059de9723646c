import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Provider, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { ClientCommand, ConnectorDefinition } from '@dossiers/domain';
import type { FormSection, SheetField, TreeTemplateFolder } from '@dossiers/events';
import { Aggregates, EventStreams, FoldedStateCache, type CommandContext } from '@dossiers/application';
import { EVENT_STORE, SqliteEventStore } from '@dossiers/event-store';
import { CONNECTOR_CATALOG, SECRET_BOX, SecretBox } from '@dossiers/platform';
import { CollaboratorLookup } from '../../directory/collaborator-lookup';
import { ContactCreation } from '../../directory/contact-creation';
import { ContactEmailRegistry } from '../../directory/contact-email-registry';
import { ContactLookup } from '../../directory/contact-lookup';
import { GroupLookup } from '../../groups/group-lookup';
import { ConnectorCatalog } from '../../templates/connector-catalog';
import { TemplateLookup } from '../../templates/template-lookup';
import { ClientCommandRunner } from '../client-command-runner';
import { ClientNameRegistry } from '../client-name-registry';
import { ClientWizard } from '../create-client/client-wizard';
import { CollaboratorSteps } from '../steps/collaborator-steps';
import { ConnectorSteps } from '../steps/connector-steps';
import { ContactSteps } from '../steps/contact-steps';
import { TemplateSteps } from '../steps/template-steps';

/** One connector with a plain and a secret required setting, enough to test the connectors' steps. */
export const TEST_CONNECTOR: ConnectorDefinition = {
  id: 'pennylane',
  name: 'Pennylane',
  description: 'accounting',
  settings: [
    { key: 'companyId', label: 'Company', type: 'string', required: true, secret: false },
    { key: 'apiToken', label: 'Token', type: 'string', required: true, secret: true },
  ],
};

/** An admin of firm-a at a fixed instant, fresh ids for everything. */
export const commandContext = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  tenant: 'firm-a',
  actor: 'admin-1',
  role: 'admin',
  correlationId: randomUUID(),
  causationId: null,
  now: '2026-11-28T10:00:00.000Z',
  eventId: () => randomUUID(),
  newId: () => randomUUID(),
  ...overrides,
});

/**
 * The client commands' handlers wired as in the command API, on an embedded SQLite event store
 * (with the folded-state cache), with the directory and templates they look things up in.
 */
export async function clientsTestBed(handlers: Provider[]) {
  const dir = mkdtempSync(join(tmpdir(), 'client-commands-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const streams = new EventStreams(store, new FoldedStateCache());
  const aggregates = new Aggregates(streams);
  const moduleRef = await Test.createTestingModule({
    providers: [
      { provide: EventStreams, useValue: streams },
      { provide: EVENT_STORE, useValue: store },
      { provide: Aggregates, useValue: aggregates },
      { provide: SECRET_BOX, useValue: new SecretBox(randomBytes(32)) },
      { provide: CONNECTOR_CATALOG, useValue: [TEST_CONNECTOR] },
      ...[ClientCommandRunner, ClientNameRegistry, ClientWizard, GroupLookup],
      ...[TemplateSteps, ContactSteps, CollaboratorSteps, ConnectorSteps],
      ...[ContactLookup, CollaboratorLookup, ContactEmailRegistry, ContactCreation],
      ...[TemplateLookup, ConnectorCatalog],
      ...handlers,
    ],
  }).compile();
  const admin = commandContext();

  return {
    store,
    aggregates,
    get: <T>(token: Type<T> | symbol): T => moduleRef.get(token),
    /** every event of every stream: what "nothing stored" is checked against */
    allEvents: () => store.readAll(),
    clientEvents: async (clientId: string) =>
      (await store.readStream(aggregates.clients.streamId(clientId))).map((e) => ({
        type: e.type,
        data: e.data,
      })),
    /** a client stream changed behind the command's back, as another request would */
    changeClient: (clientId: string, command: ClientCommand) =>
      aggregates.clients.handle(clientId, command, commandContext()),

    /** a client created as POST /clients creates one, its name reserved */
    async client(name = `Client ${randomUUID()}`): Promise<string> {
      const clientId = randomUUID();
      await moduleRef.get(ClientNameRegistry).reserve(clientId, name, -1, admin);
      await aggregates.clients.handle(
        clientId,
        { type: 'CreateClient', clientId, name, groupId: null, attributes: {} },
        admin,
      );
      return clientId;
    },
    async group(): Promise<string> {
      const groupId = randomUUID();
      await aggregates.groups.handle(groupId, { type: 'CreateGroup', groupId, name: 'Retail' }, admin);
      return groupId;
    },
    async collaborator(): Promise<string> {
      const collaboratorId = randomUUID();
      const details = { firstName: 'Paul', lastName: 'Partner', email: `${collaboratorId}@firm.fr` };
      await aggregates.collaborators.handle(
        collaboratorId,
        { type: 'RegisterCollaborator', collaboratorId, details, actorRole: 'admin' },
        admin,
      );
      return collaboratorId;
    },
    async contact(email = `${randomUUID()}@client.fr`): Promise<string> {
      const contactId = randomUUID();
      await moduleRef
        .get(ContactCreation)
        .create(
          contactId,
          { firstName: 'Éric', lastName: 'Existing', email, phone: null, language: 'en' },
          admin,
        );
      return contactId;
    },
    async sheetTemplate(fields: SheetField[]): Promise<string> {
      const templateId = randomUUID();
      await aggregates.sheetTemplates.handle(
        templateId,
        { type: 'CreateSheetTemplate', templateId, name: 'Company', fields },
        admin,
      );
      return templateId;
    },
    async treeTemplate(folders: TreeTemplateFolder[]): Promise<string> {
      const templateId = randomUUID();
      await aggregates.treeTemplates.handle(
        templateId,
        { type: 'CreateTreeTemplate', templateId, name: 'Standard', folders },
        admin,
      );
      return templateId;
    },
    async formTemplate(): Promise<string> {
      const templateId = randomUUID();
      const sections: FormSection[] = [
        {
          title: 'Company',
          questions: [{ key: 'activity', label: 'Activity', type: 'text', required: false }],
        },
      ];
      await aggregates.formTemplates.handle(
        templateId,
        { type: 'CreateFormTemplate', templateId, name: 'Onboarding', sections },
        admin,
      );
      return templateId;
    },

    async close() {
      await moduleRef.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ClientsTestBed = Awaited<ReturnType<typeof clientsTestBed>>;
