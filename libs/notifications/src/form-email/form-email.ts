import type { Language } from '@dossiers/events';
import { escapeHtml, type RenderedEmail } from '../activation-email/activation-email';

/** The words around the firm's message; de, es, it and nl fall back to English until translated. */
const TEXTS: Partial<Record<Language, { intro: string; button: string; expires: string; locale: string }>> = {
  fr: {
    intro: 'Merci de répondre au formulaire en suivant ce lien :',
    button: 'Répondre au formulaire',
    expires: 'Ce lien vous est personnel. Il expire le',
    locale: 'fr-FR',
  },
  en: {
    intro: 'Please answer the form by following this link:',
    button: 'Answer the form',
    expires: 'This link is personal to you. It expires on',
    locale: 'en-GB',
  },
};

export interface FormEmailInput {
  language: Language;
  /** the form's title: the subject */
  subject: string;
  /** the firm's message, rendered for this recipient (may be empty) */
  text: string;
  html: string;
  link: string;
  expiresAt: Date;
}

/** The form's mail: the firm's message, then the link; a plain-text part always. */
export function renderFormEmail(input: FormEmailInput): RenderedEmail {
  const language = TEXTS[input.language] ? input.language : 'en';
  const texts = TEXTS[language]!;
  const expiresOn = `${new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(input.expiresAt)} (UTC)`;
  const outro = `${texts.expires} ${expiresOn}.`;
  const text = [input.text.trim(), texts.intro, input.link, outro].filter(Boolean).join('\n\n') + '\n';
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    input.html,
    `<p>${escapeHtml(texts.intro)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(texts.button)}</a></p>`,
    `<p style="font-size: 0.9em; color: #555555">${escapeHtml(input.link)}</p>`,
    `<p>${escapeHtml(outro)}</p>`,
    '</body></html>',
  ]
    .filter(Boolean)
    .join('\n');
  return { language, subject: input.subject.replace(/[\r\n\t]+/g, ' ').trim(), text, html };
}
