import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_STORE, type Filter, type ReadStore } from '@dossiers/read-store';
import { MAIL_DELIVERIES_COLLECTION, type MailDeliveryDoc } from '@dossiers/notifications';
import { skipOf } from '../../paging/paging';
import { ListOutboxQuery, type OutboxItem } from './list-outbox.query';

@QueryHandler(ListOutboxQuery)
export class ListOutboxHandler implements IQueryHandler<ListOutboxQuery> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ principal, params }: ListOutboxQuery): Promise<{ items: OutboxItem[]; total: number }> {
    const filter: Filter = { tenant: principal.tenant };
    if (params.status) filter.status = params.status;
    const deliveries = this.readStore.collection<MailDeliveryDoc>(MAIL_DELIVERIES_COLLECTION);
    const [docs, total] = await Promise.all([
      deliveries.find(filter, {
        sort: [
          ['createdAt', -1],
          ['_id', -1],
        ],
        skip: skipOf(params),
        limit: params.pageSize,
      }),
      deliveries.count(filter),
    ]);
    return { items: docs.map(toItem), total };
  }
}

function toItem(doc: MailDeliveryDoc): OutboxItem {
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
