import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListTreeTemplatesQuery } from './list-tree-templates.query';
import { TreeTemplateList } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('tree-templates')
export class ListTreeTemplatesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: TreeTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListTreeTemplatesQuery(principal));
  }
}
