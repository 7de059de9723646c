import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryQuery } from '../list-directory.query';
import { ContactQueries } from './contact-queries';

@ApiTags('contacts')
@QueryController()
@Controller('contacts')
export class ListContactsController {
  constructor(private readonly queries: ContactQueries) {}

  /** `{items, total}`, by last name then first name. */
  @Get()
  list(@Query() query: ListDirectoryQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal.tenant, query);
  }
}
