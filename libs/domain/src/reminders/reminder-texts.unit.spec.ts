import { checkReminderTexts } from './reminder-texts';

const text = { subject: 'Pièces manquantes', body: 'Bonjour {{contact.firstName}},\n\nMerci.' };
const fields = (raw: unknown) => checkReminderTexts(raw).errors.map((e) => e.field);

describe('checkReminderTexts', () => {
  it('accepts any of the languages, fr or en among them', () => {
    expect(checkReminderTexts({ fr: text, de: text, nl: text }).value).toEqual({
      fr: text,
      de: text,
      nl: text,
    });
    expect(checkReminderTexts({ en: text }).value).toEqual({ en: text });
  });

  it('requires fr or en', () =>
    expect(checkReminderTexts({ de: text, it: text }, 'template.texts').errors).toEqual([
      { field: 'template.texts', message: 'needs a text in fr or en' },
    ]));

  it('normalizes: NFC, trimmed, line ends as \\n', () =>
    expect(
      checkReminderTexts({ fr: { subject: '  Re\u0301ponse ', body: ' a\r\nb\rc\t{{client.name}} ' } }).value,
    ).toEqual({
      fr: { subject: 'Réponse', body: 'a\nb\nc\t{{client.name}}' },
    }));

  it.each([
    ['not an object', 'fr', ['texts']],
    ['an unknown language', { fr: text, pt: text }, ['texts.pt']],
    ['an entry that is not an object', { fr: 'Bonjour' }, ['texts.fr']],
    ['an unknown key in an entry', { fr: { ...text, html: '<p>' } }, ['texts.fr.html']],
    ['a missing subject', { fr: { body: 'x' } }, ['texts.fr.subject']],
    ['an empty subject', { fr: { subject: '  ', body: 'x' } }, ['texts.fr.subject']],
    ['a subject of 201 characters', { fr: { subject: 'x'.repeat(201), body: 'x' } }, ['texts.fr.subject']],
    ['a subject on two lines', { fr: { subject: 'a\nb', body: 'x' } }, ['texts.fr.subject']],
    ['a body that is not a string', { en: { subject: 'x', body: 1 } }, ['texts.en.body']],
    ['an empty body', { en: { subject: 'x', body: '\n\n' } }, ['texts.en.body']],
    ['a body of 10,001 characters', { en: { subject: 'x', body: 'x'.repeat(10_001) } }, ['texts.en.body']],
    ['a control character in the body', { en: { subject: 'x', body: 'a\u0007b' } }, ['texts.en.body']],
    [
      'a bidi override in the body',
      { en: { subject: 'x', body: 'invoice\u202efdp.exe' } },
      ['texts.en.body'],
    ],
    ['an invisible-only body', { en: { subject: 'x', body: '\u200b' } }, ['texts.en.body']],
    [
      'an unknown placeholder in the subject',
      { fr: { subject: '{{client}}', body: 'x' } },
      ['texts.fr.subject'],
    ],
    [
      'a malformed placeholder in the body',
      { fr: { subject: 'x', body: 'Bonjour {{client.name' } },
      ['texts.fr.body'],
    ],
  ])('refuses %s, naming the field', (_case, raw, expected) => expect(fields(raw)).toEqual(expected));

  it('accepts a body of exactly 10,000 characters and a subject of 200', () =>
    expect(fields({ fr: { subject: 'x'.repeat(200), body: 'x'.repeat(10_000) } })).toEqual([]));

  it('names every problem of every language at once', () =>
    expect(
      fields({ fr: { subject: '', body: '{{nope}}' }, en: { subject: 'x', body: 'x', extra: 1 }, xx: text }),
    ).toEqual(['texts.fr.subject', 'texts.fr.body', 'texts.en.extra', 'texts.xx']));

  it('quotes the faulty placeholder in the message', () =>
    expect(
      checkReminderTexts({ fr: { subject: 'x', body: 'Bonjour {{client.nom}}' } }).errors[0].message,
    ).toContain('"{{client.nom}}"'));
});
