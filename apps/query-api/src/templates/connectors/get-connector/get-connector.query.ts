import { Query } from '@nestjs/cqrs';
import type { ConnectorDefinition } from '@dossiers/domain';

/** GET /connectors/:id: one connector of the catalog. */
export class GetConnectorQuery extends Query<ConnectorDefinition> {
  constructor(readonly connectorId: string) {
    super();
  }
}
