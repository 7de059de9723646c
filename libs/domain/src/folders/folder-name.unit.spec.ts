import { checkFolderSegment, folderNameKey, splitFolderPath } from './folder-name';

const problem = (name: unknown) => checkFolderSegment(name, 'name').errors[0]?.message ?? null;

describe('folder names', () => {
  it.each([
    ['.', "'.' or '..'"],
    ['..', "'.' or '..'"],
    [' .. ', "'.' or '..'"],
    ['a/b', "'/'"],
    ['a\u0000b', 'control'],
    ['tab\there', 'control'],
    ['c1\u0085control', 'control'],
    ['invoice\u202Efdp', 'text-direction'],
    ['x'.repeat(121), '1-120'],
    ['', '1-120'],
    ['   ', '1-120'],
    [42, 'string'],
  ])('refuses %j', (name, message) => expect(problem(name)).toMatch(message));

  it.each(['Factures', ' Reçus 2024 ', 'x'.repeat(120), '...', '.hidden'])('accepts %j', (name) =>
    expect(checkFolderSegment(name, 'name')).toEqual({ value: name.normalize('NFC').trim(), errors: [] }),
  );

  it('compares names on the shared name key: case, accents, width and invisible characters aside', () => {
    expect(folderNameKey('FACTURES')).toBe(folderNameKey('factures'));
    expect(folderNameKey('Reçus')).toBe(folderNameKey('Recus'));
    expect(folderNameKey('Fac\u200btures')).toBe(folderNameKey('Factures'));
    expect(folderNameKey('Ｆａｃｔｕｒｅｓ')).toBe(folderNameKey('Factures'));
    expect(folderNameKey('Re\u0301sumé')).toBe(folderNameKey('RÉSUMÉ'));
  });

  it('splits paths into trimmed segments', () =>
    expect(splitFolderPath(' Compta / Factures ')).toEqual(['Compta', 'Factures']));
});
