import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryQuery } from '../list-directory.query';
import { CollaboratorQueries } from './collaborator-queries';

@ApiTags('collaborators')
@QueryController()
@Controller('collaborators')
export class ListCollaboratorsController {
  constructor(private readonly queries: CollaboratorQueries) {}

  /** `{items, total}`, by last name then first name. */
  @Get()
  list(@Query() query: ListDirectoryQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal.tenant, query);
  }
}
