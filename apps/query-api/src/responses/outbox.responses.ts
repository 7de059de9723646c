import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '@dossiers/events';
import { MAIL_DELIVERY_STATUSES, MAIL_KINDS } from '@dossiers/notifications';

/** The mail as it went out; with SMTP only the envelope (to, subject, language) is kept. */
export class SentMessageItem {
  @ApiProperty()
  to!: string;
  @ApiProperty()
  subject!: string;
  @ApiProperty({ enum: LANGUAGES, description: 'the language it is written in' })
  language!: string;
  @ApiPropertyOptional({ description: 'embedded outbox only' })
  text?: string;
  @ApiPropertyOptional({ description: 'embedded outbox only' })
  html?: string;
  @ApiPropertyOptional({ description: 'embedded outbox only: the link (activation, email verification)' })
  link?: string;
}

export class OutboxItem {
  @ApiProperty({
    format: 'uuid',
    description: 'the invitation; for an email change, the request event (its notice: an id derived from it)',
  })
  id!: string;
  @ApiProperty({
    enum: MAIL_KINDS,
    description:
      'activation; email-verification: the link confirming a new email, to the new address; email-change-notice: to the address in use',
  })
  kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for an email change' })
  clientId!: string | null;
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  @ApiProperty({
    enum: LANGUAGES,
    nullable: true,
    description:
      "the language the client chose for the contact; for an email change the contact's own, null until sent",
  })
  language!: string | null;
  @ApiProperty({ enum: MAIL_DELIVERY_STATUSES })
  status!: string;
  @ApiProperty({ type: 'integer' })
  attempts!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null once sent, failed or skipped',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', description: "the link's expiry" })
  expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  messageId!: string | null;
  @ApiProperty({ type: SentMessageItem, nullable: true })
  message!: SentMessageItem | null;
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxItem], description: 'newest first' })
  items!: OutboxItem[];
  @ApiProperty({ type: 'integer' })
  total!: number;
}
