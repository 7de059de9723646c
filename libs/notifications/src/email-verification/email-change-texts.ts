import type { Language } from '@dossiers/events';

export interface EmailChangeTextInput {
  firstName: string;
  /** the new address, shown masked in the notice to the old one */
  newEmail: string;
  /** the expiry, already written the language's way */
  expiresOn: string;
}

/** The wording of the two mails of an email change in one language (the renderer lays them out). */
export interface EmailChangeTexts {
  locale: string;
  greeting(input: EmailChangeTextInput): string;
  signature: string;
  /** to the NEW address: the verification link */
  verification: {
    subject: string;
    intro(input: EmailChangeTextInput): string[];
    button: string;
    outro(input: EmailChangeTextInput): string[];
  };
  /** to the OLD address: what is happening, and what to do if it is not the contact's doing */
  notice: {
    subject: string;
    body(input: EmailChangeTextInput): string[];
  };
}

const FRENCH: EmailChangeTexts = {
  locale: 'fr-FR',
  greeting: ({ firstName }) => `Bonjour ${firstName},`,
  signature: 'Bien cordialement,\nVotre cabinet comptable',
  verification: {
    subject: 'Confirmez votre nouvelle adresse e-mail',
    intro: () => [
      "Votre cabinet a demandé que cette adresse devienne celle de votre accès à l'espace documentaire.",
      'Pour la confirmer, suivez ce lien :',
    ],
    button: 'Confirmer cette adresse',
    outro: ({ expiresOn }) => [
      `Ce lien ne peut servir qu'une fois. Il expire le ${expiresOn}.`,
      "Si vous n'attendiez pas ce message, ignorez-le simplement : votre adresse ne changera pas.",
    ],
  },
  notice: {
    subject: 'Changement de votre adresse e-mail demandé',
    body: ({ newEmail }) => [
      `Votre cabinet a demandé que l'adresse de votre accès à l'espace documentaire devienne ${newEmail}.`,
      "Cette adresse-ci reste la vôtre tant que la nouvelle n'est pas confirmée depuis sa propre boîte.",
      "Si vous n'êtes pas à l'origine de cette demande, contactez votre cabinet sans attendre.",
    ],
  },
};

const ENGLISH: EmailChangeTexts = {
  locale: 'en-GB',
  greeting: ({ firstName }) => `Hello ${firstName},`,
  signature: 'Kind regards,\nYour accounting firm',
  verification: {
    subject: 'Confirm your new email address',
    intro: () => [
      'Your accounting firm asked for this address to become the one of your document portal access.',
      'To confirm it, follow this link:',
    ],
    button: 'Confirm this address',
    outro: ({ expiresOn }) => [
      `This link can be used only once. It expires on ${expiresOn}.`,
      'If you were not expecting this email, simply ignore it: your address will not change.',
    ],
  },
  notice: {
    subject: 'A change of your email address was requested',
    body: ({ newEmail }) => [
      `Your accounting firm asked for the address of your document portal access to become ${newEmail}.`,
      'This address stays yours until the new one is confirmed from its own mailbox.',
      'If you did not ask for this, contact your accounting firm straight away.',
    ],
  },
};

/** de, es, it and nl fall back to English until translated, as the activation emails do. */
const TEXTS: Partial<Record<Language, EmailChangeTexts>> = { fr: FRENCH, en: ENGLISH };

export function emailChangeTextsFor(language: Language): { language: Language; texts: EmailChangeTexts } {
  const texts = TEXTS[language];
  return texts ? { language, texts } : { language: 'en', texts: ENGLISH };
}
