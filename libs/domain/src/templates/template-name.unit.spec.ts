import { checkTemplateName } from './template-name';

describe('checkTemplateName', () => {
  it('trims and composes', () =>
    expect(checkTemplateName('  Fiche Socie\u0301te\u0301 ', 'name')).toEqual({
      value: 'Fiche Société',
      errors: [],
    }));
  it.each([[''], ['  '], ['x'.repeat(201)], [7], ['a\nb']])('refuses %j', (raw) =>
    expect(checkTemplateName(raw, 'name').errors).toEqual([{ field: 'name', message: expect.any(String) }]),
  );
});
