import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryQuery } from '../list-directory.query';
import { CollaboratorQueries } from './collaborator-queries';
import { CollaboratorPage } from '../../responses/directory.responses';

@ApiTags('collaborators')
@QueryController()
@Controller('collaborators')
export class ListCollaboratorsController {
  constructor(private readonly queries: CollaboratorQueries) {}

  /** `{items, total}`, by last name then first name. */
  @Get()
  @ApiOkResponse({ type: CollaboratorPage })
  list(@Query() query: ListDirectoryQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal.tenant, query);
  }
}
