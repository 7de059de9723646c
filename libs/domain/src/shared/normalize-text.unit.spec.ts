import { emailKey, humanTextProblem, identifierProblem, normalizeText } from './normalize-text';

describe('the text policy for typed names', () => {
  it.each([
    ['zero-width space', 'So\u200bciété Générale'],
    ['zero-width joiner and non-joiner', 'Soci\u200c\u200détéGénérale'.replace('téG', 'té G')],
    ['word joiner', 'Société\u2060 Générale'],
    ['byte-order mark', '\ufeffSociété Générale'],
    ['full-width letters', 'Ｓｏｃｉéｔé Ｇéｎéｒａｌｅ'],
    ['decomposed accents', 'Socie\u0301te\u0301 Ge\u0301ne\u0301rale'],
    ['other case and spacing', '  SOCIÉTÉ   générale '],
  ])('gives a name with %s the same key as the plain one', (_, variant) => {
    expect(normalizeText(variant)).toBe(normalizeText('Société Générale'));
  });

  it('folds compatibility ligatures', () => expect(normalizeText('ﬁduciaire')).toBe('fiduciaire'));

  it.each([
    ['a C0 control', 'a\u0007b'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'invoice\u202efdp.exe'],
    ['an isolate', 'a\u2066b'],
    ['a left-to-right mark', 'a\u200eb'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
    ['a line separator', 'Soci\u2028été Générale'],
    ['a paragraph separator', 'a\u2029b'],
    ['an interlinear annotation anchor', 'Soci\ufff9été Générale'],
    ['a noncharacter', 'Soci\uffffété Générale'],
    ['a supplementary noncharacter', 'a\u{10ffff}b'],
  ])('refuses %s', (_, text) => expect(humanTextProblem(text)).not.toBeNull());

  it.each(['Société Générale', 'Müller & Söhne', '日本語', 'Family 👨\u200d👩\u200d👧', 'فارسی\u200cها'])(
    'accepts %p',
    (text) => expect(humanTextProblem(text)).toBeNull(),
  );
});

describe('identifiers and emails', () => {
  it('refuses a name made only of invisible characters, whose key would be empty', () => {
    expect(humanTextProblem('\u200b\u00ad')).toBe('must contain a visible character');
    expect(humanTextProblem('')).toBeNull();
  });

  it('refuses invisible characters anywhere in an identifier (attribute keys, emails)', () => {
    expect(identifierProblem('si\u200bren')).toBe('must not contain invisible characters');
    expect(identifierProblem('p\u2060@q.fr')).toBe('must not contain invisible characters');
    expect(identifierProblem('siren')).toBeNull();
  });

  it('compares emails on one key: width and case folded', () => {
    expect(emailKey(' ＰAul@Q.fr ')).toBe('paul@q.fr');
    expect(emailKey('josé@q.fr')).toBe(emailKey('jose\u0301@q.fr'));
  });
});
