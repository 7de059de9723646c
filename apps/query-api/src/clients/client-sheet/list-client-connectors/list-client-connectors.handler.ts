import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ConnectorDefinition } from '@dossiers/domain';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { CONNECTOR_CATALOG } from '@dossiers/platform';
import { ClientAccess } from '../../../access/client-access';
import { visibleSheet, type SheetTab } from '../visible-sheet';
import { ListClientConnectorsQuery, type ClientConnectorView } from './list-client-connectors.query';

@QueryHandler(ListClientConnectorsQuery)
export class ListClientConnectorsHandler implements IQueryHandler<ListClientConnectorsQuery> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[],
    private readonly access: ClientAccess,
  ) {}

  async execute({ principal, clientId }: ListClientConnectorsQuery): Promise<SheetTab<ClientConnectorView>> {
    const sheet = await visibleSheet(this.readStore, this.access, principal, clientId);
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
}
