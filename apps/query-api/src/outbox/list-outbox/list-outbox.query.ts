import { Query } from '@nestjs/cqrs';
import type { MailDeliveryDoc, MailDeliveryStatus } from '@dossiers/notifications';
import type { Principal } from '@dossiers/platform';
import type { Paging } from '../../paging/paging';

/** A mail of the outbox: the delivery document without its tenant and its routing fields. */
export type OutboxItem = Pick<
  MailDeliveryDoc,
  | 'kind'
  | 'clientId'
  | 'contactId'
  | 'language'
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastError'
  | 'createdAt'
  | 'expiresAt'
  | 'sentAt'
  | 'messageId'
  | 'message'
> & { id: string };

/** GET /outbox: one page of the firm's outgoing mail, newest first. */
export class ListOutboxQuery extends Query<{ items: OutboxItem[]; total: number }> {
  constructor(
    readonly principal: Principal,
    readonly params: Paging & { status?: MailDeliveryStatus },
  ) {
    super();
  }
}
