import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListSheetTemplatesQuery } from './list-sheet-templates.query';
import { SheetTemplateList } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('sheet-templates')
export class ListSheetTemplatesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: SheetTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListSheetTemplatesQuery(principal));
  }
}
