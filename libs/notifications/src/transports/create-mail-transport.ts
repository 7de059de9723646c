import type { MailTransport } from '../mail-transport.port';
import { OutboxMailTransport } from './outbox-mail-transport';
import { SmtpMailTransport } from './smtp-mail-transport';

/** The one place the transport is chosen: SMTP when SMTP_URL is set, the embedded outbox otherwise. */
export function createMailTransport(config: { smtpUrl?: string; from: string }): MailTransport {
  return config.smtpUrl
    ? new SmtpMailTransport(config.smtpUrl, config.from)
    : new OutboxMailTransport(config.from);
}
