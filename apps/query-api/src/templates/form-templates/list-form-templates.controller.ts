import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';
import { FormTemplateList } from '../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('form-templates')
export class ListFormTemplatesController {
  constructor(private readonly queries: TemplateQueries) {}

  @Get()
  @ApiOkResponse({ type: FormTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.formTemplates(principal.tenant);
  }
}
