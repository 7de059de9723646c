import {
  checkTemplateText,
  formatLocalDate,
  renderHtml,
  renderText,
  type PlaceholderValues,
  type RenderLocale,
} from './placeholders';

const values: PlaceholderValues = {
  client: { name: 'Société Générale' },
  contact: { firstName: 'Jeanne', lastName: 'Martin' },
  dueDate: '2027-03-14T23:30:00.000Z',
  firm: { name: 'Cabinet Durand' },
  attributes: { siren: '552120222', employees: 12, vat: true, fiscalYearEnd: '2027-12-31' },
};
const fr: RenderLocale = { language: 'fr', timeZone: 'Europe/Paris' };
const messages = (text: string) => checkTemplateText(text, 'texts.fr.body').errors.map((e) => e.message);

describe('checkTemplateText', () => {
  it('accepts every known placeholder, with or without spaces inside the braces', () => {
    const text =
      'Bonjour {{contact.firstName}} {{ contact.lastName }}, {{client.name}} ({{attributes.siren}}) ' +
      'doit répondre avant le {{  dueDate\t}}. {{firm.name}}';
    expect(checkTemplateText(text, 'body')).toEqual({ value: text, errors: [] });
  });

  it('accepts a text without placeholders, and lone braces', () =>
    expect(messages('Rien { à } remplacer {}')).toEqual([]));

  it('names the field and quotes an unknown placeholder', () =>
    expect(
      checkTemplateText('Bonjour {{client.nom}} et {{ contact.email }}', 'texts.fr.body').errors,
    ).toEqual([
      { field: 'texts.fr.body', message: expect.stringContaining('unknown placeholder "{{client.nom}}"') },
      {
        field: 'texts.fr.body',
        message: expect.stringContaining('unknown placeholder "{{ contact.email }}"'),
      },
    ]));

  it.each([
    ['attributes.', 'an empty attribute key'],
    ['attributes', 'the bare prefix'],
    ['attributes. siren', 'a padded attribute key'],
    ['attributes.si\u200bren', 'an invisible character in the key'],
    ['Client.Name', 'another case'],
  ])('refuses {{%s}} (%s)', (name) =>
    expect(messages(`x {{${name}}} y`)).toEqual([expect.stringMatching(/^unknown placeholder "\{\{/)]),
  );

  it.each([
    ['Bonjour {{client.name', /^"\{\{" without "\}\}" in "\{\{client.name"$/],
    ['Bonjour client.name}}', /^"\}\}" without "\{\{" in "Bonjour client.name\}\}"$/],
    ['Bonjour {{}} !', /^empty placeholder "\{\{\}\}"$/],
    ['Bonjour {{   }} !', /^empty placeholder "\{\{ {3}\}\}"$/],
    ['Bonjour {{client.{{name}}}} !', /^nested placeholder "\{\{client.\{\{name\}\}\}\}"$/],
    ['Bonjour {{{client.name}}} !', /^malformed placeholder "\{\{\{client.name\}\}"$/],
  ])('refuses the malformed %j', (text, message) =>
    expect(messages(text)).toEqual([expect.stringMatching(message)]),
  );

  it('reports every problem of a text, up to twenty', () => {
    expect(messages('{{a}} {{b}} }} {{c')).toHaveLength(4);
    expect(messages('}}'.repeat(100))).toHaveLength(20);
  });

  it('shortens a long quote', () => expect(messages(`{{${'x'.repeat(100)}`)[0]).toMatch(/x…"$/));
});

describe('renderText', () => {
  it('replaces each placeholder by its value', () =>
    expect(
      renderText(
        '{{contact.firstName}} {{contact.lastName}}, {{client.name}} ({{ attributes.siren }}): {{dueDate}}. {{firm.name}}',
        values,
        fr,
      ),
    ).toBe('Jeanne Martin, Société Générale (552120222): 15/03/2027. Cabinet Durand'));

  it('renders a missing value as nothing', () =>
    expect(renderText('[{{attributes.unknown}}][{{dueDate}}]', { ...values, dueDate: null }, fr)).toBe(
      '[][]',
    ));

  it('writes numbers as they are, booleans and dates in the language', () => {
    const text = '{{attributes.employees}} {{attributes.vat}} {{attributes.fiscalYearEnd}}';
    expect(renderText(text, values, fr)).toBe('12 oui 31/12/2027');
    expect(renderText(text, values, { language: 'en', timeZone: 'Europe/Paris' })).toBe(
      '12 yes 31 December 2027',
    );
    expect(
      renderText(text, { ...values, attributes: { vat: false } }, { language: 'de', timeZone: 'UTC' }),
    ).toBe(' nein ');
  });

  it('leaves a malformed piece as it is', () =>
    expect(renderText('a {{client.name b }} c [{{client.name}}]', values, fr)).toBe(
      'a {{client.name b }} c [Société Générale]',
    ));

  it('does not read inherited properties as attributes', () =>
    expect(renderText('[{{attributes.constructor}}]', values, fr)).toBe('[]'));
});

describe('formatLocalDate', () => {
  it.each([
    ['fr', '15/03/2027'],
    ['en', '15 March 2027'],
    ['de', '15.03.2027'],
    ['es', '15/03/2027'],
    ['it', '15/03/2027'],
    ['nl', '15-03-2027'],
  ] as const)('writes the date in %s as %s', (language, expected) =>
    expect(formatLocalDate('2027-03-14T23:30:00.000Z', { language, timeZone: 'Europe/Paris' })).toBe(
      expected,
    ),
  );

  it("takes the due instant's date in the firm zone, and a date as it is", () => {
    expect(
      formatLocalDate('2027-03-14T23:30:00.000Z', { language: 'en', timeZone: 'America/New_York' }),
    ).toBe('14 March 2027');
    expect(formatLocalDate('2027-01-05', { language: 'en', timeZone: 'Pacific/Kiritimati' })).toBe(
      '5 January 2027',
    );
  });
});

describe('renderHtml', () => {
  it('escapes the values', () =>
    expect(
      renderHtml(
        'Bonjour {{client.name}}',
        { ...values, client: { name: `<script>alert("x")</script> & 'co'` } },
        fr,
      ),
    ).toBe('<p>Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>'));

  it('escapes the template text too', () =>
    expect(renderHtml('<b>Bonjour</b> & "merci"', values, fr)).toBe(
      '<p>&lt;b&gt;Bonjour&lt;/b&gt; &amp; &quot;merci&quot;</p>',
    ));

  it('makes paragraphs of blank-line separated blocks and <br> of single newlines', () =>
    expect(
      renderHtml('Bonjour {{contact.firstName}},\r\n\r\nLigne 1\nLigne 2\n \n\n\nCordialement', values, fr),
    ).toBe('<p>Bonjour Jeanne,</p>\n<p>Ligne 1<br>Ligne 2</p>\n<p>Cordialement</p>'));
});
