import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ConnectorDefinition } from '@dossiers/domain';
import { CONNECTOR_CATALOG, QueryController } from '@dossiers/platform';
import { ConnectorList } from '../../responses/template.responses';

/** The catalog is configuration (the same for every firm), not a read model. */
@ApiTags('connectors')
@QueryController()
@Controller('connectors')
export class ListConnectorsController {
  constructor(@Inject(CONNECTOR_CATALOG) private readonly catalog: ConnectorDefinition[]) {}

  /** Each connector with the schema of its settings; `secret` ones are write-only. */
  @Get()
  @ApiOkResponse({ type: ConnectorList })
  list() {
    return { items: this.catalog, total: this.catalog.length };
  }
}
