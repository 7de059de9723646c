import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListOutboxDto } from './list-outbox.dto';
import { ListOutboxQuery } from './list-outbox.query';
import { OutboxPage } from '../../responses/outbox.responses';

/**
 * The firm's outgoing mail, newest first. In the embedded default (no SMTP_URL) this is the
 * mailbox itself: each mail with its text, HTML and link. With SMTP, only the envelope is kept.
 * Admins only: the links are credentials.
 */
@ApiTags('outbox')
@QueryController(['admin'])
@Controller('outbox')
export class ListOutboxController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: OutboxPage })
  @ApiOperation({ summary: 'the outgoing mail (activation emails) and how its delivery went' })
  list(@CurrentPrincipal() principal: Principal, @Query() dto: ListOutboxDto) {
    return this.queryBus.execute(new ListOutboxQuery(principal, dto));
  }
}
