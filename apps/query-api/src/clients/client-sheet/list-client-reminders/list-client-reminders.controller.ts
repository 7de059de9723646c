import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ClientRemindersTab } from '../../../responses/reminder.responses';
import { ListClientRemindersQuery } from './list-client-reminders.query';

@ApiTags('client sheet')
@QueryController()
@Controller('clients')
export class ListClientRemindersController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The sheet's "Rappels" tab: each reminder with its next occurrence and the history of those sent or skipped. */
  @Get(':id/reminders')
  @ApiOkResponse({ type: ClientRemindersTab })
  list(@Param('id', new ResourceIdPipe('client')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListClientRemindersQuery(principal, id));
  }
}
