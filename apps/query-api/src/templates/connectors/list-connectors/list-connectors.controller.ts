import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryController } from '@dossiers/platform';
import { ListConnectorsQuery } from './list-connectors.query';
import { ConnectorList } from '../../../responses/template.responses';

@ApiTags('connectors')
@QueryController()
@Controller('connectors')
export class ListConnectorsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** Each connector with the schema of its settings; `secret` ones are write-only. */
  @Get()
  @ApiOkResponse({ type: ConnectorList })
  list() {
    return this.queryBus.execute(new ListConnectorsQuery());
  }
}
