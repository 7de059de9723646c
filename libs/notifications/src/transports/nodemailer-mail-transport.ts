import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';

/**
 * Mail through nodemailer, either kind:
 * - `smtp`: through an SMTP relay (SMTP_URL, e.g. smtps://user:password@mail.example.com:465);
 * - `outbox`, the embedded default: nodemailer renders the message (so an address it would refuse
 *   fails here too) and nothing leaves the process; the delivery document keeps the whole mail,
 *   which GET /outbox shows.
 */
export class NodemailerMailTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(
    readonly kind: 'smtp' | 'outbox',
    private readonly from: string,
    smtpUrl?: string,
  ) {
    this.transporter = kind === 'smtp' ? createTransport(smtpUrl) : createTransport({ jsonTransport: true });
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
