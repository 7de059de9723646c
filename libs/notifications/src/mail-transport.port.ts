import type { Language } from '@dossiers/events';

/** A mail ready to go: rendered, addressed, with a Message-ID derived from its delivery. */
export interface OutgoingMail {
  /** `<delivery-id@domain>`: the same for every attempt of one delivery, so receivers can drop a duplicate */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Language;
}

export interface MailTransport {
  /** 'outbox': the embedded default, where the stored delivery is the mailbox (GET /outbox shows the body) */
  readonly kind: 'smtp' | 'outbox';
  /** Resolves once the mail is accepted (SMTP: the relay answered 250); rejects otherwise. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}
