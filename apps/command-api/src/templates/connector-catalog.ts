import { Inject, Injectable } from '@nestjs/common';
import type { ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG } from '@dossiers/platform';

/** The connectors firms can set up for their clients (configuration, checked when it loaded). */
@Injectable()
export class ConnectorCatalog {
  constructor(@Inject(CONNECTOR_CATALOG) private readonly definitions: ConnectorDefinition[]) {}

  find(connectorId: string): ConnectorDefinition | undefined {
    return this.definitions.find((definition) => definition.id === connectorId);
  }
}
