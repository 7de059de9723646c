import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryDto } from '../../list-directory.dto';
import { ListCollaboratorsQuery } from './list-collaborators.query';
import { CollaboratorPage } from '../../../responses/directory.responses';

@ApiTags('collaborators')
@QueryController()
@Controller('collaborators')
export class ListCollaboratorsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** `{items, total}`, by last name then first name. */
  @Get()
  @ApiOkResponse({ type: CollaboratorPage })
  list(@Query() dto: ListDirectoryDto, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListCollaboratorsQuery(principal, dto));
  }
}
