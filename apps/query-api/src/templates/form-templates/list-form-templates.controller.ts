import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';

@ApiTags('templates')
@QueryController()
@Controller('form-templates')
export class ListFormTemplatesController {
  constructor(private readonly queries: TemplateQueries) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.formTemplates(principal.tenant);
  }
}
