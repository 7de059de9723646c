import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';

/**
 * The embedded default, without SMTP: nodemailer renders the message (so an address it would
 * refuse fails here too) and nothing leaves the process; the delivery document keeps the whole
 * mail, which GET /outbox shows.
 */
export class OutboxMailTransport implements MailTransport {
  readonly kind = 'outbox';
  private readonly transporter: Transporter;

  constructor(private readonly from: string) {
    this.transporter = createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language },
    });
    return { messageId: info.messageId };
  }

  close(): void {
    this.transporter.close();
  }
}
