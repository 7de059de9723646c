import {
  checkContactChanges,
  checkContactDetails,
  checkEmail,
  checkLanguage,
  checkPersonName,
  checkPhone,
} from './contact-values';

const valid = { firstName: ' Zoé ', lastName: 'Dupré', email: ' Zoe.Dupre@Example.FR ', language: 'fr' };

describe('contact values', () => {
  it('composes, trims and bounds names', () => {
    expect(checkPersonName('  E\u0301lise  ', 'f')).toEqual({ value: 'Élise', errors: [] });
    expect(checkPersonName('  ', 'f').errors).toEqual([{ field: 'f', message: 'must not be empty' }]);
    expect(checkPersonName('x'.repeat(101), 'f').errors).toHaveLength(1);
    expect(checkPersonName('x'.repeat(100), 'f').value).toHaveLength(100);
    expect(checkPersonName('a\u0007b', 'f').errors[0].message).toMatch(/control/);
    expect(checkPersonName(42, 'f').errors[0].message).toBe('must be a string');
  });

  it('trims and lower-cases emails, and refuses what is not one', () => {
    expect(checkEmail(' Ann@Example.COM ', 'e').value).toBe('ann@example.com');
    expect(checkEmail('Jose\u0301@example.fr', 'e').value).toBe(
      checkEmail('JOS\u00c9@example.fr', 'e').value,
    );
    for (const bad of ['ann', 'ann@example', 'a nn@example.com', 'a@b@c.com', 'ann@.com', 'ann@x..com', 7])
      expect(checkEmail(bad, 'e').errors).toEqual([{ field: 'e', message: expect.any(String) }]);
    const long = `${'a'.repeat(250)}@x.fr`;
    expect(checkEmail(long, 'e').errors[0].message).toMatch(/254/);
  });

  it('takes an optional phone of 6-20 digits', () => {
    expect(checkPhone(undefined, 'p')).toEqual({ value: null, errors: [] });
    expect(checkPhone(null, 'p')).toEqual({ value: null, errors: [] });
    expect(checkPhone('  ', 'p')).toEqual({ value: null, errors: [] });
    expect(checkPhone(' +33 (0)1.23-45-67-89 ', 'p').value).toBe('+33 (0)1.23-45-67-89');
    expect(checkPhone('12345', 'p').errors).toHaveLength(1);
    expect(checkPhone('1'.repeat(21), 'p').errors).toHaveLength(1);
    expect(checkPhone('01 23 45 67 89 ext', 'p').errors).toHaveLength(1);
  });

  it('knows the languages', () => {
    expect(checkLanguage('de', 'l').value).toBe('de');
    expect(checkLanguage('FR', 'l').errors[0]).toEqual({
      field: 'l',
      message: expect.stringContaining('fr'),
    });
  });

  it('checks a new contact, phone optional', () => {
    expect(checkContactDetails(valid, '')).toEqual({
      value: {
        firstName: 'Zoé',
        lastName: 'Dupré',
        email: 'zoe.dupre@example.fr',
        phone: null,
        language: 'fr',
      },
      errors: [],
    });
  });

  it('collects every bad field of a contact, under its prefix', () => {
    const checked = checkContactDetails(
      { firstName: '', email: 'nope', phone: 'x', language: 'xx' },
      'contacts[2]',
    );
    expect(checked.value).toBeUndefined();
    expect(checked.errors.map((e) => e.field)).toEqual([
      'contacts[2].firstName',
      'contacts[2].lastName',
      'contacts[2].email',
      'contacts[2].phone',
      'contacts[2].language',
    ]);
    expect(checkContactDetails('nope', 'contacts[0]').errors).toEqual([
      { field: 'contacts[0]', message: 'must be an object' },
    ]);
  });

  it('checks a PATCH: only the fields present, phone null clears it', () => {
    expect(checkContactChanges({ phone: null, lastName: ' Roy ' }, '')).toEqual({
      value: { phone: null, lastName: 'Roy' },
      errors: [],
    });
    expect(checkContactChanges({}, '')).toEqual({ value: {}, errors: [] });
    expect(checkContactChanges({ email: '', firstName: null }, '').errors.map((e) => e.field)).toEqual([
      'firstName',
      'email',
    ]);
  });
});
