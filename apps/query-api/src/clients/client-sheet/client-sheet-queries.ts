import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  CLIENT_SHEETS_COLLECTION,
  COLLABORATORS_COLLECTION,
  CONTACTS_COLLECTION,
  type ClientSheetDoc,
  type CollaboratorDoc,
  type ContactDoc,
} from '@dossiers/read-models';
import type { ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG, type Principal } from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';

/**
 * The client sheet's tabs, from the client-sheet read model, with the directory's names and
 * emails joined in (one findByIds per tab). Secret connector settings are named, never shown.
 */
@Injectable()
export class ClientSheetQueries {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[],
    private readonly access: ClientAccess,
  ) {}

  async sheet(principal: Principal, clientId: string): Promise<ClientSheetDoc> {
    await this.access.view(principal, clientId);
    const { tenant } = principal;
    const doc = await this.readStore.collection<ClientSheetDoc>(CLIENT_SHEETS_COLLECTION).findById(clientId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('client', clientId);
    return doc;
  }

  async contacts(principal: Principal, clientId: string) {
    const sheet = await this.sheet(principal, clientId);
    const ids = sheet.contacts.map((c) => c.contactId);
    const found = await this.readStore.collection<ContactDoc>(CONTACTS_COLLECTION).findByIds(ids);
    const byId = new Map(found.map((c) => [c._id, c]));
    const items = sheet.contacts.map((link) => {
      const contact = byId.get(link.contactId);
      return {
        contactId: link.contactId,
        firstName: contact?.firstName ?? null,
        lastName: contact?.lastName ?? null,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        activated: contact?.activated ?? false,
        language: link.language,
        attachedAt: link.attachedAt,
        lastInvitedAt: link.lastInvitedAt,
      };
    });
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }

  async collaborators(principal: Principal, clientId: string) {
    const sheet = await this.sheet(principal, clientId);
    const ids = sheet.collaborators.map((c) => c.collaboratorId);
    const found = await this.readStore.collection<CollaboratorDoc>(COLLABORATORS_COLLECTION).findByIds(ids);
    const byId = new Map(found.map((c) => [c._id, c]));
    const items = sheet.collaborators.map((link) => {
      const collaborator = byId.get(link.collaboratorId);
      return {
        collaboratorId: link.collaboratorId,
        firstName: collaborator?.firstName ?? null,
        lastName: collaborator?.lastName ?? null,
        email: collaborator?.email ?? null,
        access: link.access,
        assignedAt: link.assignedAt,
      };
    });
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }

  async connectors(principal: Principal, clientId: string) {
    const sheet = await this.sheet(principal, clientId);
    const items = sheet.connectors.map((connector) => {
      const definition = this.catalog.find((d) => d.id === connector.connectorId);
      const secrets = (definition?.settings ?? []).filter((s) => s.secret).map((s) => s.key);
      return {
        connectorId: connector.connectorId,
        name: definition?.name ?? connector.connectorId,
        settings: connector.settings,
        // Whether each secret is set, never its value.
        secrets: Object.fromEntries(
          [...new Set([...secrets, ...connector.secretsSet])].map((key) => [
            key,
            connector.secretsSet.includes(key),
          ]),
        ),
        configuredAt: connector.configuredAt,
      };
    });
    return { items, revision: this.access.revisionFor(principal, sheet.revision) };
  }

  async forms(principal: Principal, clientId: string) {
    const sheet = await this.sheet(principal, clientId);
    return { items: sheet.forms, revision: this.access.revisionFor(principal, sheet.revision) };
  }
}
