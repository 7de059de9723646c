import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryQuery } from '../list-directory.query';
import { ContactQueries } from './contact-queries';
import { ContactPage } from '../../responses/directory.responses';

@ApiTags('contacts')
@QueryController()
@Controller('contacts')
export class ListContactsController {
  constructor(private readonly queries: ContactQueries) {}

  /** `{items, total}`, by last name then first name; `clientsCount` counts the clients the caller may see. */
  @Get()
  @ApiOkResponse({ type: ContactPage })
  list(@Query() query: ListDirectoryQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(principal, query);
  }
}
