import { checkUuid, isUuid } from './ids';

describe('ids', () => {
  it.each(['0b5e0a7e-9a3c-4c1b-8f00-7d2b8a1c3e4f', '0B5E0A7E-9A3C-4C1B-8F00-7D2B8A1C3E4F'])(
    'takes %s as a uuid, lower-cased',
    (id) => {
      expect(isUuid(id)).toBe(true);
      expect(checkUuid(id, 'groupId')).toEqual({ value: id.toLowerCase(), errors: [] });
    },
  );

  it.each([
    '',
    'nope',
    '0b5e0a7e9a3c4c1b8f007d2b8a1c3e4f',
    '0b5e0a7e-9a3c-4c1b-8f00-7d2b8a1c3e4f ',
    42,
    null,
  ])('refuses %j, naming the field', (raw) => {
    expect(isUuid(raw)).toBe(false);
    expect(checkUuid(raw, 'groupId')).toEqual({ errors: [{ field: 'groupId', message: 'must be a uuid' }] });
  });
});
