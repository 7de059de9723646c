import type { Language } from '@dossiers/events';
import type { RenderedEmail } from '../activation-email/activation-email';
import { emailChangeTextsFor, type EmailChangeTextInput } from './email-change-texts';

export interface EmailChangeEmailInput {
  /** the contact's own language */
  language: Language;
  firstName: string;
  newEmail: string;
  expiresAt: Date;
}

/** The mail to the NEW address, with the verification link. */
export function renderEmailVerification(input: EmailChangeEmailInput & { link: string }): RenderedEmail {
  const { language, texts, values } = prepare(input);
  const { verification } = texts;
  const greeting = texts.greeting(values);
  const intro = verification.intro(values);
  const outro = verification.outro(values);
  const text = [greeting, ...intro, input.link, ...outro, texts.signature].join('\n\n') + '\n';
  const html = page(language, [
    paragraph(greeting),
    ...intro.map(paragraph),
    `<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 16px; ` +
      `background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px">` +
      `${escapeHtml(verification.button)}</a></p>`,
    `<p style="font-size: 0.9em; color: #555555">${escapeHtml(input.link)}</p>`,
    ...outro.map(paragraph),
    paragraph(texts.signature),
  ]);
  return { language, subject: verification.subject, text, html };
}

/** The notice to the OLD address: no link, the new address masked. */
export function renderEmailChangeNotice(input: EmailChangeEmailInput): RenderedEmail {
  const { language, texts, values } = prepare(input);
  const lines = [texts.greeting(values), ...texts.notice.body(values), texts.signature];
  return {
    language,
    subject: texts.notice.subject,
    text: lines.join('\n\n') + '\n',
    html: page(language, lines.map(paragraph)),
  };
}

/**
 * `z***@example.com`: enough for the owner of the old address to recognise (or not) the new one,
 * without handing a full address to whoever reads a mailbox that may no longer be the contact's.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

function prepare(input: EmailChangeEmailInput) {
  const { language, texts } = emailChangeTextsFor(input.language);
  const values: EmailChangeTextInput = {
    firstName: input.firstName.replace(/[\r\n\t]+/g, ' ').trim(),
    newEmail: maskEmail(input.newEmail),
    // Written in UTC, and said so: the contact may live in any time zone.
    expiresOn: `${new Intl.DateTimeFormat(texts.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(input.expiresAt)} (UTC)`,
  };
  return { language, texts, values };
}

const paragraph = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;

function page(language: Language, body: string[]): string {
  return [
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    ...body,
    '</body></html>',
  ].join('\n');
}

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
