import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';
import { TreeTemplateList } from '../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('tree-templates')
export class ListTreeTemplatesController {
  constructor(private readonly queries: TemplateQueries) {}

  @Get()
  @ApiOkResponse({ type: TreeTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.treeTemplates(principal.tenant);
  }
}
