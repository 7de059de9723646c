import type { MailTransport } from '../mail-transport.port';
import { NodemailerMailTransport } from './nodemailer-mail-transport';

/** The one place the transport is chosen: SMTP when SMTP_URL is set, the embedded outbox otherwise. */
export function createMailTransport(config: { smtpUrl?: string; from: string }): MailTransport {
  return config.smtpUrl
    ? new NodemailerMailTransport('smtp', config.from, config.smtpUrl)
    : new NodemailerMailTransport('outbox', config.from);
}
