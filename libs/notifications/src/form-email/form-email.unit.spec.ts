import { randomBytes } from 'node:crypto';
import { renderFormEmail } from './form-email';
import { formLink, formLinkExpiry, FormTokens, FORM_LINK_TTL_DAYS } from './form-token';

describe('form links and mails', () => {
  const claims = { tenant: 'firm-a', clientId: 'c1', formId: 'f1', contactId: 'p1', exp: 1_900_000_000 };

  it('signs a link only its own key accepts, expiring FORM_LINK_TTL_DAYS after the form was sent', () => {
    const tokens = new FormTokens(randomBytes(32));
    const token = tokens.sign(claims);
    expect(tokens.verify(token)).toEqual(claims);
    expect(new FormTokens(randomBytes(32)).verify(token)).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
    expect(formLink('https://portal.example/', 'a.b')).toBe('https://portal.example/forms/a.b');
    expect(formLinkExpiry('2026-01-01T00:00:00.000Z') - Date.parse('2026-01-01T00:00:00Z') / 1000).toBe(
      FORM_LINK_TTL_DAYS * 86_400,
    );
  });

  it("puts the firm's message, then the link, in both parts; an untranslated language falls back to English", () => {
    const input = {
      subject: 'KYC\n2026',
      text: 'Bonjour Zoé',
      html: '<p>Bonjour Zoé</p>',
      link: 'https://portal.example/forms/t',
      expiresAt: new Date('2026-04-01T00:00:00Z'),
    };
    const fr = renderFormEmail({ ...input, language: 'fr' });
    expect(fr).toMatchObject({ language: 'fr', subject: 'KYC 2026' });
    expect(fr.text).toMatch(/^Bonjour Zoé\n\nMerci de répondre.*\nhttps:\/\/portal.example\/forms\/t\n/s);
    expect(fr.html).toContain('<p>Bonjour Zoé</p>');
    expect(fr.html).toContain('href="https://portal.example/forms/t"');
    expect(renderFormEmail({ ...input, language: 'de' }).language).toBe('en');
  });
});
