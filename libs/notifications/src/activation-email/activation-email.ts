import type { Language } from '@dossiers/events';
import { ENGLISH, FRENCH, type ActivationTexts } from './activation-texts';

/**
 * The languages written so far. de, es, it and nl fall back to English until they are translated:
 * add their texts here and they are used at once, with no other change.
 */
const TEXTS: Partial<Record<Language, ActivationTexts>> = { fr: FRENCH, en: ENGLISH };
const FALLBACK: Language = 'en';

export interface ActivationEmailInput {
  /** the language the client chose for this contact */
  language: Language;
  firstName: string;
  clientName: string;
  link: string;
  expiresAt: Date;
}

export interface RenderedEmail {
  /** the language the email is actually written in (the fallback when the chosen one is not translated yet) */
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export function textsFor(language: Language): { language: Language; texts: ActivationTexts } {
  const texts = TEXTS[language];
  return texts ? { language, texts } : { language: FALLBACK, texts: TEXTS[FALLBACK]! };
}

export function renderActivationEmail(input: ActivationEmailInput): RenderedEmail {
  const { language, texts } = textsFor(input.language);
  const values = {
    firstName: oneLine(input.firstName),
    clientName: oneLine(input.clientName),
    // Written in UTC, and said so: the contact may live in any time zone.
    expiresOn: `${new Intl.DateTimeFormat(texts.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(input.expiresAt)} (UTC)`,
  };
  const intro = texts.intro(values);
  const outro = texts.outro(values);
  const greeting = texts.greeting(values);
  const text = [greeting, ...intro, input.link, ...outro, texts.signature].join('\n\n') + '\n';
  const paragraph = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    paragraph(greeting),
    ...intro.map(paragraph),
    `<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 16px; ` +
      `background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px">` +
      `${escapeHtml(texts.button)}</a></p>`,
    `<p style="font-size: 0.9em; color: #555555">${escapeHtml(input.link)}</p>`,
    ...outro.map(paragraph),
    paragraph(texts.signature),
    '</body></html>',
  ].join('\n');
  return { language, subject: texts.subject(values), text, html };
}

/** Names go into the subject header: no line breaks there. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
