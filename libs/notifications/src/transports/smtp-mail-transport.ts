import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from '../mail-transport.port';

/** Sends through an SMTP relay (SMTP_URL, e.g. smtps://user:password@mail.example.com:465). */
export class SmtpMailTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(smtpUrl);
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
