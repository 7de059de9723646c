import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListGroupsQuery } from './list-groups.query';
import { GroupList } from '../../responses/client.responses';

@ApiTags('groups')
@QueryController()
@Controller('groups')
export class ListGroupsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: GroupList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListGroupsQuery(principal));
  }
}
