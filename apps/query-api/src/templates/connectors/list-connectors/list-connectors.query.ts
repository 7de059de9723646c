import { Query } from '@nestjs/cqrs';
import type { ConnectorDefinition } from '@dossiers/domain';

/** GET /connectors: the catalog, the same for every firm. */
export class ListConnectorsQuery extends Query<{ items: ConnectorDefinition[]; total: number }> {}
