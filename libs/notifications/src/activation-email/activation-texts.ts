/** What a template needs; every value is the contact's or the firm's own text, escaped by the renderer. */
export interface ActivationTextInput {
  firstName: string;
  clientName: string;
  /** the expiry, already written the language's way */
  expiresOn: string;
}

/** The wording of an activation email in one language; the renderer lays it out as text and HTML. */
export interface ActivationTexts {
  /** BCP 47 locale used to write the expiry date */
  locale: string;
  subject(input: ActivationTextInput): string;
  greeting(input: ActivationTextInput): string;
  /** paragraphs before the link */
  intro(input: ActivationTextInput): string[];
  /** the label of the button in the HTML version */
  button: string;
  /** paragraphs after the link */
  outro(input: ActivationTextInput): string[];
  signature: string;
}

export const FRENCH: ActivationTexts = {
  locale: 'fr-FR',
  subject: ({ clientName }) => `Activez votre accès à l'espace documentaire de ${clientName}`,
  greeting: ({ firstName }) => `Bonjour ${firstName},`,
  intro: ({ clientName }) => [
    `Votre cabinet vous ouvre un accès à l'espace documentaire de ${clientName} : vous pourrez y ` +
      'consulter vos dossiers et nous transmettre vos documents en toute sécurité.',
    'Pour activer votre accès, choisissez votre mot de passe en suivant ce lien :',
  ],
  button: 'Choisir mon mot de passe',
  outro: ({ expiresOn }) => [
    `Ce lien vous est personnel et ne peut servir qu'une fois. Il expire le ${expiresOn}.`,
    "Si vous n'attendiez pas ce message, ignorez-le simplement : aucun accès ne sera activé.",
  ],
  signature: 'Bien cordialement,\nVotre cabinet comptable',
};

export const ENGLISH: ActivationTexts = {
  locale: 'en-GB',
  subject: ({ clientName }) => `Activate your access to the ${clientName} document portal`,
  greeting: ({ firstName }) => `Hello ${firstName},`,
  intro: ({ clientName }) => [
    `Your accounting firm has given you access to the document portal of ${clientName}, where you ` +
      'can follow your files and send us your documents securely.',
    'To activate your access, choose your password by following this link:',
  ],
  button: 'Choose my password',
  outro: ({ expiresOn }) => [
    `This link is personal and can be used only once. It expires on ${expiresOn}.`,
    'If you were not expecting this email, simply ignore it: no access will be activated.',
  ],
  signature: 'Kind regards,\nYour accounting firm',
};
