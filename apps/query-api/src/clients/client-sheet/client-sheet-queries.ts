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
import { CONNECTOR_CATALOG } from '@dossiers/platform';

/** Sorts folders as a tree reads: each parent followed by its children, siblings by name. */
function byPath(a: { path: string }, b: { path: string }): number {
  const left = a.path.split('/');
  const right = b.path.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order =
      left[i].localeCompare(right[i], 'fr', { sensitivity: 'base' }) || left[i].localeCompare(right[i]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/**
 * The client sheet's tabs, from the client-sheet read model, with the directory's names and
 * emails joined in (one findByIds per tab). Secret connector settings are named, never shown.
 */
@Injectable()
export class ClientSheetQueries {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[],
  ) {}

  async sheet(tenant: string, clientId: string): Promise<ClientSheetDoc> {
    const doc = await this.readStore.collection<ClientSheetDoc>(CLIENT_SHEETS_COLLECTION).findById(clientId);
    if (!doc || doc.tenant !== tenant) throw new NotFoundError('client', clientId);
    return doc;
  }

  async contacts(tenant: string, clientId: string) {
    const sheet = await this.sheet(tenant, clientId);
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
    return { items, revision: sheet.revision };
  }

  async collaborators(tenant: string, clientId: string) {
    const sheet = await this.sheet(tenant, clientId);
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
    return { items, revision: sheet.revision };
  }

  async folders(tenant: string, clientId: string) {
    const sheet = await this.sheet(tenant, clientId);
    const items = [...sheet.folders]
      .sort(byPath)
      .map(({ id, name, path, depth, parentId, contactDefault }) => ({
        id,
        name,
        path,
        depth,
        parentId,
        contactDefault,
      }));
    return { items, total: items.length, revision: sheet.revision };
  }

  async connectors(tenant: string, clientId: string) {
    const sheet = await this.sheet(tenant, clientId);
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
    return { items, revision: sheet.revision };
  }

  async forms(tenant: string, clientId: string) {
    const sheet = await this.sheet(tenant, clientId);
    return { items: sheet.forms, revision: sheet.revision };
  }
}
