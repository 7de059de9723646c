import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal, ROLES } from '@dossiers/platform';
import { ClientActivityPage } from '../../responses/activity.responses';
import { ListClientActivitiesDto } from './list-client-activities.dto';
import { ListClientActivitiesQuery } from './list-client-activities.query';

@ApiTags('activities')
@QueryController([...ROLES])
@Controller('clients')
export class ListClientActivitiesController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The client's last 1000 activities, newest first, filtered and paged by cursor. Admins, auditors
   * and services see every one; a collaborator or a contact, those about folders and files they
   * can see now.
   */
  @Get(':id/activities')
  @ApiOkResponse({ type: ClientActivityPage })
  list(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() dto: ListClientActivitiesDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queryBus.execute(new ListClientActivitiesQuery(principal, id, dto));
  }
}
