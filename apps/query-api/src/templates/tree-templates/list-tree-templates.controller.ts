import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';

@ApiTags('templates')
@QueryController()
@Controller('tree-templates')
export class ListTreeTemplatesController {
  constructor(private readonly queries: TemplateQueries) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.treeTemplates(principal.tenant);
  }
}
