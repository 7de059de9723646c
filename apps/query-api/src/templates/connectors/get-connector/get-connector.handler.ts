import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG } from '@dossiers/platform';
import { GetConnectorQuery } from './get-connector.query';

@QueryHandler(GetConnectorQuery)
export class GetConnectorHandler implements IQueryHandler<GetConnectorQuery> {
  constructor(@Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[]) {}

  async execute({ connectorId }: GetConnectorQuery): Promise<ConnectorDefinition> {
    const definition = this.catalog.find((connector) => connector.id === connectorId);
    // The id is not checked for shape (catalog ids are free-form): the error quotes a bounded part.
    if (!definition) throw new NotFoundError('connector', connectorId.slice(0, 100));
    return definition;
  }
}
