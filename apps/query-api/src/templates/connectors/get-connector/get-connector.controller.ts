import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { QueryController } from '@dossiers/platform';
import { GetConnectorQuery } from './get-connector.query';
import { ConnectorItem } from '../../../responses/template.responses';

@ApiTags('connectors')
@QueryController()
@Controller('connectors')
export class GetConnectorController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @ApiOkResponse({ type: ConnectorItem })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetConnectorQuery(id));
  }
}
