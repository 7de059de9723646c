import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFoundError, type ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG, QueryController } from '@dossiers/platform';
import { ConnectorItem } from '../../responses/template.responses';

@ApiTags('connectors')
@QueryController()
@Controller('connectors')
export class GetConnectorController {
  constructor(@Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[]) {}

  @Get(':id')
  @ApiOkResponse({ type: ConnectorItem })
  get(@Param('id') id: string): ConnectorDefinition {
    const definition = this.catalog.find((connector) => connector.id === id);
    if (!definition) throw new NotFoundError('connector', id.slice(0, 100));
    return definition;
  }
}
