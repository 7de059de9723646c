import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG } from '@dossiers/platform';
import { ListConnectorsQuery } from './list-connectors.query';

/** The catalog is configuration (the same for every firm), not a read model. */
@QueryHandler(ListConnectorsQuery)
export class ListConnectorsHandler implements IQueryHandler<ListConnectorsQuery> {
  constructor(@Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[]) {}

  async execute(): Promise<{ items: ConnectorDefinition[]; total: number }> {
    return { items: this.catalog, total: this.catalog.length };
  }
}
