import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListDirectoryDto } from '../../list-directory.dto';
import { ListContactsQuery } from './list-contacts.query';
import { ContactPage } from '../../../responses/directory.responses';

@ApiTags('contacts')
@QueryController()
@Controller('contacts')
export class ListContactsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** `{items, total}`, by last name then first name; `clientsCount` counts the clients the caller may see. */
  @Get()
  @ApiOkResponse({ type: ContactPage })
  list(@Query() dto: ListDirectoryDto, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListContactsQuery(principal, dto));
  }
}
