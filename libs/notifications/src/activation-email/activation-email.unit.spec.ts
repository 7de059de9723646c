import { LANGUAGES } from '@dossiers/events';
import { renderActivationEmail, type ActivationEmailInput } from './activation-email';

describe('activation email', () => {
  const input: ActivationEmailInput = {
    language: 'fr',
    firstName: 'Amélie',
    clientName: 'Boulangerie <Dupont> & Fils',
    link: 'https://portal.example.com/activate?token=abc.def',
    expiresAt: new Date('2026-03-08T10:00:00Z'),
  };

  it('writes French for fr, with the first name, the client, the link and the expiry', () => {
    const mail = renderActivationEmail(input);
    expect(mail.language).toBe('fr');
    expect(mail.subject).toBe("Activez votre accès à l'espace documentaire de Boulangerie <Dupont> & Fils");
    expect(mail.text).toMatch(/^Bonjour Amélie,\n/);
    expect(mail.text).toContain('\nhttps://portal.example.com/activate?token=abc.def\n');
    expect(mail.text).toContain('Il expire le 8 mars 2026 à 10:00 (UTC).');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('Boulangerie &lt;Dupont&gt; &amp; Fils');
    expect(mail.html).not.toContain('<Dupont>');
    expect(mail.html).toContain('href="https://portal.example.com/activate?token=abc.def"');
  });

  it('writes English for en', () => {
    const mail = renderActivationEmail({ ...input, language: 'en', firstName: 'John' });
    expect(mail.language).toBe('en');
    expect(mail.subject).toBe('Activate your access to the Boulangerie <Dupont> & Fils document portal');
    expect(mail.text).toMatch(/^Hello John,\n/);
    expect(mail.text).toContain('It expires on 8 March 2026 at 10:00 (UTC).');
  });

  it.each(LANGUAGES.filter((l) => l !== 'fr' && l !== 'en'))(
    'falls back to English for %s until it is translated',
    (language) => {
      const mail = renderActivationEmail({ ...input, language });
      expect(mail.language).toBe('en');
      expect(mail.text).toMatch(/^Hello Amélie,/);
    },
  );

  it('keeps line breaks out of the subject', () => {
    const mail = renderActivationEmail({ ...input, clientName: 'Evil\r\nBcc: x@example.com' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
