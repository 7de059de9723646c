import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_STORE, type Filter, type ReadStore } from '@dossiers/read-store';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from '@dossiers/notifications';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListOutboxQuery } from './list-outbox.dto';
import { skipOf } from '../../paging/page.query';
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
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get()
  @ApiOkResponse({ type: OutboxPage })
  @ApiOperation({ summary: 'the outgoing mail (activation emails) and how its delivery went' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListOutboxQuery) {
    const filter: Filter = { tenant: principal.tenant };
    if (query.status) filter.status = query.status;
    const deliveries = this.readStore.collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION);
    const [docs, total] = await Promise.all([
      deliveries.find(filter, {
        sort: [
          ['createdAt', -1],
          ['_id', -1],
        ],
        skip: skipOf(query),
        limit: query.pageSize,
      }),
      deliveries.count(filter),
    ]);
    return { items: docs.map(toItem), total };
  }
}

function toItem(doc: MailDeliveryDoc) {
  return {
    id: doc._id,
    kind: doc.kind,
    clientId: doc.clientId,
    contactId: doc.contactId,
    language: doc.language,
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: doc.nextAttemptAt,
    lastError: doc.lastError,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    sentAt: doc.sentAt,
    messageId: doc.messageId,
    message: doc.message,
  };
}
