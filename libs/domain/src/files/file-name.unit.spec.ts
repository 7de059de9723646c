import { checkFileName, FILE_NAME_MAX_LENGTH, fileFormat } from './file-name';

const nameOf = (raw: unknown) => checkFileName(raw).value;
const refusal = (raw: unknown, field?: string) => {
  const checked = checkFileName(raw, field);
  if (checked.value !== undefined) throw new Error(`${JSON.stringify(raw)} was accepted`);
  return checked.errors;
};

describe('checkFileName', () => {
  it.each([
    ['Bilan 2024.pdf', 'Bilan 2024.pdf'],
    ['  spaced out.txt  ', 'spaced out.txt'],
    ['Reçu n°12 – été.PDF', 'Reçu n°12 – été.PDF'],
    ['ملف.docx', 'ملف.docx'],
    ['発注書.xlsx', '発注書.xlsx'],
    ['...', '...'],
    ['.env', '.env'],
    ['x'.repeat(FILE_NAME_MAX_LENGTH), 'x'.repeat(FILE_NAME_MAX_LENGTH)],
    // 200 characters, not 200 UTF-16 units: an emoji is one character.
    ['😀'.repeat(FILE_NAME_MAX_LENGTH), '😀'.repeat(FILE_NAME_MAX_LENGTH)],
  ])('keeps %j as %j', (raw, name) => expect(nameOf(raw)).toBe(name));

  it('normalises to NFC, so the same name typed on two systems is one name', () => {
    expect(nameOf('Re\u0301sume\u0301.pdf')).toBe('Résumé.pdf');
    expect(nameOf('Re\u0301sume\u0301.pdf')).toBe(nameOf('R\u00e9sum\u00e9.pdf'));
  });

  it.each([
    ['../../etc/passwd', "'/'"],
    ['..\\..\\windows\\win.ini', "'/'"],
    ['..\\x', "'/'"],
    ['a/b/c.pdf', "'/'"],
    ['C:\\Users\\me\\bilan.pdf', "'/'"],
    ['/etc/passwd', "'/'"],
    ['.', "'.' or '..'"],
    ['..', "'.' or '..'"],
    [' .. ', "'.' or '..'"],
    ['', 'empty'],
    ['   ', 'empty'],
    ['nul\u0000byte.pdf', 'control'],
    ['new\nline.pdf', 'control'],
    ['tab\t.pdf', 'control'],
    ['del\u007f.pdf', 'control'],
    ['c1\u0085.pdf', 'control'],
    ['invoice\u202efdp.exe', 'text-direction'],
    ['isolate\u2067x.pdf', 'text-direction'],
    ['x'.repeat(FILE_NAME_MAX_LENGTH + 1), `at most ${FILE_NAME_MAX_LENGTH}`],
    ['lone \ud800 surrogate', 'unicode'],
    [42, 'string'],
    [null, 'string'],
  ])('refuses %j', (raw, message) => {
    const errors = refusal(raw);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('file.name');
    expect(errors[0].message).toContain(message);
  });

  it('names the field the caller gives', () => {
    expect(refusal('../x', 'name')).toEqual([{ field: 'name', message: expect.any(String) }]);
  });

  it('trims before measuring', () =>
    expect(nameOf(`  ${'x'.repeat(FILE_NAME_MAX_LENGTH)}  `)).toHaveLength(FILE_NAME_MAX_LENGTH));
});

describe('fileFormat', () => {
  it.each([
    ['Bilan.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['Facture.Été', 'été'],
    ['Makefile', ''],
    ['.bashrc', ''],
    ['trailing.', ''],
    ['...', ''],
  ])('%j -> %j', (name, format) => expect(fileFormat(name)).toBe(format));
});
