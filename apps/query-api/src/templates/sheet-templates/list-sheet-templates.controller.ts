import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { TemplateQueries } from '../template-queries';
import { SheetTemplateList } from '../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('sheet-templates')
export class ListSheetTemplatesController {
  constructor(private readonly queries: TemplateQueries) {}

  @Get()
  @ApiOkResponse({ type: SheetTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.sheetTemplates(principal.tenant);
  }
}
