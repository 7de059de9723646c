import { FOLDER_MAX_DEPTH } from './folder-name';
import { checkTreeFolders, nestTreeFolders } from './template-folders';

describe('checkTreeFolders', () => {
  const check = (folders: unknown) => checkTreeFolders(folders, 'folders');

  it('normalises paths, defaults contactDefault to none and spells out implied parents', () => {
    expect(
      check([{ path: ' Compta / Factures / 2024 ', contactDefault: 'read' }, { path: 'Juridique' }]),
    ).toEqual({
      value: [
        { path: 'Compta', contactDefault: 'none' },
        { path: 'Juridique', contactDefault: 'none' },
        { path: 'Compta/Factures', contactDefault: 'none' },
        { path: 'Compta/Factures/2024', contactDefault: 'read' },
      ],
      errors: [],
    });
  });

  it('puts parents first and keeps an explicit parent given after its child', () => {
    const { value } = check([
      { path: 'Compta/Factures', contactDefault: 'full' },
      { path: 'Compta', contactDefault: 'read' },
    ]);
    expect(value).toEqual([
      { path: 'Compta', contactDefault: 'read' },
      { path: 'Compta/Factures', contactDefault: 'full' },
    ]);
  });

  it('spells a child path like its explicit parent', () => {
    const { value } = check([{ path: 'compta/Factures' }, { path: 'Compta' }]);
    expect(value!.map((f) => f.path)).toEqual(['Compta', 'Compta/Factures']);
  });

  it('refuses duplicate siblings in another case, naming both', () => {
    const { value, errors } = check([
      { path: 'Compta/Factures' },
      { path: 'Juridique' },
      { path: 'COMPTA/factures' },
    ]);
    expect(value).toBeUndefined();
    expect(errors).toEqual([{ field: 'folders.2.path', message: expect.stringContaining('folders.0.path') }]);
  });

  it('accepts the same name under different parents, but not names that differ by accents alone', () => {
    expect(check([{ path: 'A/Factures' }, { path: 'B/Factures' }]).errors).toEqual([]);
    expect(check([{ path: 'Reçus' }, { path: 'Recus' }]).errors).toHaveLength(1);
  });

  it(`refuses more than ${FOLDER_MAX_DEPTH} levels`, () => {
    const levels = (n: number) => Array.from({ length: n }, (_, i) => `L${i + 1}`).join('/');
    expect(check([{ path: levels(10) }]).errors).toEqual([]);
    expect(check([{ path: levels(11) }]).errors).toEqual([
      { field: 'folders.0.path', message: 'must be at most 10 levels deep' },
    ]);
  });

  it('names each bad segment, bad access and unknown property', () => {
    const { errors } = check([
      { path: 'Compta/../x' },
      { path: '/Racine' },
      { path: 'ok', contactDefault: 'write' },
      { path: 'a\u0007' },
      { path: 'x'.repeat(121) },
      { path: 'ok2', extra: 1 },
      'Compta',
    ]);
    expect(errors).toEqual([
      { field: 'folders.0.path', message: "folder 2 must not be '.' or '..'" },
      { field: 'folders.1.path', message: 'folder 1 must be 1-120 characters' },
      { field: 'folders.2.contactDefault', message: 'must be one of none, read, full' },
      { field: 'folders.3.path', message: 'folder 1 must not contain control or text-direction characters' },
      { field: 'folders.4.path', message: 'folder 1 must be 1-120 characters' },
      { field: 'folders.5.extra', message: 'is not allowed' },
      { field: 'folders.6', message: expect.stringContaining('must be an object') },
    ]);
  });

  it('refuses a non-array and more than 5,000 folders', () => {
    expect(check('Compta').errors).toEqual([{ field: 'folders', message: 'must be an array' }]);
    const many = Array.from({ length: 5001 }, (_, i) => ({ path: `F${i}` }));
    expect(check(many).errors[0].message).toMatch(/at most 5000/);
    expect(check(many.slice(0, 5000)).value).toHaveLength(5000);
  });
});

describe('nestTreeFolders', () => {
  it('builds the preview tree', () => {
    const { value } = checkTreeFolders(
      [{ path: 'Compta/Factures', contactDefault: 'read' }, { path: 'Compta/Banque' }, { path: 'Juridique' }],
      'folders',
    );
    expect(nestTreeFolders(value!)).toEqual([
      {
        name: 'Compta',
        path: 'Compta',
        contactDefault: 'none',
        children: [
          { name: 'Factures', path: 'Compta/Factures', contactDefault: 'read', children: [] },
          { name: 'Banque', path: 'Compta/Banque', contactDefault: 'none', children: [] },
        ],
      },
      { name: 'Juridique', path: 'Juridique', contactDefault: 'none', children: [] },
    ]);
  });
});
