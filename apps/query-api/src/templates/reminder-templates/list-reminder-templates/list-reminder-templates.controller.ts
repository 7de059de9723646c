import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListReminderTemplatesQuery } from './list-reminder-templates.query';
import { ReminderTemplateList } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('reminder-templates')
export class ListReminderTemplatesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ReminderTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListReminderTemplatesQuery(principal));
  }
}
