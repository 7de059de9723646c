import { checkContactDetails, checkEmail, checkPersonName } from '../contact/contact-values';
import { checkAll, checked, invalid, mapChecked, thenCheck, valid, validOrThrow } from './checked';
import { ValidationError } from './domain-errors';

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
};

describe('Checked, the one validation result', () => {
  it('holds a value and no error, or errors and no value', () => {
    expect(valid(null)).toEqual({ value: null, errors: [] });
    expect(invalid('name', 'is required')).toEqual({ errors: [{ field: 'name', message: 'is required' }] });
    expect(checked('x', [])).toEqual({ value: 'x', errors: [] });
    expect(checked('x', [{ field: 'a', message: 'm' }])).toEqual({ errors: [{ field: 'a', message: 'm' }] });
  });

  it('combines several checks, reporting every error of every one in order', () => {
    const all = checkAll({
      first: checkPersonName('', 'contacts.0.firstName'),
      email: checkEmail('nope', 'contacts.0.email'),
      last: checkPersonName('Dupré', 'contacts.0.lastName'),
    });
    expect(all.value).toBeUndefined();
    expect(all.errors.map((e) => e.field)).toEqual(['contacts.0.firstName', 'contacts.0.email']);
  });

  it('combines them into their values by name when all pass', () =>
    expect(checkAll({ first: checkPersonName(' Zoé ', 'f'), email: checkEmail('A@B.co', 'e') })).toEqual({
      value: { first: 'Zoé', email: 'a@b.co' },
      errors: [],
    }));

  it('keeps a null value as a value (an optional part left out)', () =>
    expect(checkAll({ phone: valid(null) })).toEqual({ value: { phone: null }, errors: [] }));

  it('maps and chains values, never running the next step after an error', () => {
    const next = jest.fn((n: number) => valid(n + 1));
    expect(mapChecked(valid(1), (n) => n * 2)).toEqual({ value: 2, errors: [] });
    expect(thenCheck(valid(1), next)).toEqual({ value: 2, errors: [] });
    expect(thenCheck(invalid('a', 'm'), next)).toEqual({ errors: [{ field: 'a', message: 'm' }] });
    expect(mapChecked(invalid('a', 'm'), next)).toEqual({ errors: [{ field: 'a', message: 'm' }] });
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('unwraps once: the value, or a ValidationError naming every collected error', () => {
    expect(validOrThrow(checkEmail('a@b.co', 'email'))).toBe('a@b.co');
    expect(validOrThrow(valid(null))).toBeNull();
    const error = thrown(() => validOrThrow(checkContactDetails({}, '')));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toHaveLength(4);
  });
});
