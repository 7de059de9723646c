import type { SheetField } from '@dossiers/events';
import { checkSheetAttributes, checkSheetFields } from './sheet-fields';

describe('checkSheetFields', () => {
  const check = (fields: unknown) => checkSheetFields(fields, 'fields');

  it('trims, defaults required to false and keeps options only on selects', () =>
    expect(
      check([
        { key: ' siren ', label: ' SIREN ', type: 'text', required: true },
        { key: 'regime', label: 'Régime', type: 'select', options: [' BIC ', 'BNC'] },
      ]),
    ).toEqual({
      value: [
        { key: 'siren', label: 'SIREN', type: 'text', required: true },
        { key: 'regime', label: 'Régime', type: 'select', options: ['BIC', 'BNC'], required: false },
      ],
      errors: [],
    }));

  it('collects every problem under the caller’s prefix', () => {
    const { value, errors } = checkSheetFields(
      [
        { key: '', label: 'x'.repeat(201), type: 'colour' },
        { key: 'a\u0001', label: 'A', type: 'text', required: 'yes' },
        { key: 'regime', label: 'Régime', type: 'select' },
        { key: 'size', label: 'Size', type: 'number', options: ['S'] },
        { key: 'kind', label: 'Kind', type: 'select', options: ['A', 'A', ''] },
        { key: 'size', label: 'Again', type: 'text' },
      ],
      'sheet.fields',
    );
    expect(value).toBeUndefined();
    expect(errors).toEqual([
      { field: 'sheet.fields.0.key', message: 'must be 1-100 characters' },
      { field: 'sheet.fields.0.label', message: 'must be 1-200 characters' },
      { field: 'sheet.fields.0.type', message: expect.stringContaining('must be one of text, number') },
      { field: 'sheet.fields.1.key', message: 'must not contain control or text-direction characters' },
      { field: 'sheet.fields.1.required', message: 'must be a boolean' },
      { field: 'sheet.fields.2.options', message: expect.stringContaining('a select needs') },
      { field: 'sheet.fields.3.options', message: 'only a select has options' },
      { field: 'sheet.fields.4.options.1', message: 'is a duplicate option' },
      { field: 'sheet.fields.4.options.2', message: 'must be 1-200 characters' },
      { field: 'sheet.fields.5.key', message: 'duplicates sheet.fields.3.key' },
    ]);
  });

  it('refuses a non-array and more than 200 fields', () => {
    expect(check({}).errors).toEqual([{ field: 'fields', message: 'must be an array' }]);
    const many = Array.from({ length: 201 }, (_, i) => ({ key: `k${i}`, label: 'L', type: 'text' }));
    expect(check(many).errors).toEqual([{ field: 'fields', message: 'at most 200 fields' }]);
    expect(check(many.slice(1)).value).toHaveLength(200);
  });
});

describe('checkSheetAttributes', () => {
  const fields: SheetField[] = [
    { key: 'siren', label: 'SIREN', type: 'text', required: true },
    { key: 'employees', label: 'Employees', type: 'number', required: false },
    { key: 'closing', label: 'Closing', type: 'date', required: false },
    { key: 'email', label: 'Email', type: 'email', required: false },
    { key: 'phone', label: 'Phone', type: 'phone', required: false },
    { key: 'regime', label: 'Régime', type: 'select', options: ['BIC', 'BNC'], required: true },
  ];
  const check = (attributes: Record<string, string | number | boolean>, requireAll = false) =>
    checkSheetAttributes(fields, attributes, { requireAll, field: 'attributes' }).errors;

  it('accepts values of the right types and extra attributes, and gives them back', () => {
    const attributes = {
      siren: '552120222',
      employees: 12,
      closing: '2026-12-31',
      email: 'compta@example.fr',
      phone: '+33 (0)1 23.45-67 89',
      regime: 'BIC',
      notes: 'anything',
    };
    expect(check(attributes, true)).toEqual([]);
    expect(checkSheetAttributes(fields, attributes, { requireAll: true, field: 'attributes' }).value).toBe(
      attributes,
    );
  });

  it('refuses an email under the text policy (a bidi or C1 character)', () => {
    expect(check({ email: 'compta\u202e@example.fr' })).toHaveLength(1);
    expect(check({ email: 'compta\u0085@example.fr' })).toHaveLength(1);
  });

  it('names each value of the wrong type', () =>
    expect(
      check({
        siren: 552,
        employees: '12',
        closing: '2026-02-30',
        email: 'a@b',
        phone: '12345',
        regime: 'IS',
      }),
    ).toEqual([
      { field: 'attributes.siren', message: 'must be a string' },
      { field: 'attributes.employees', message: 'must be a number' },
      { field: 'attributes.closing', message: expect.stringContaining('ISO-8601') },
      { field: 'attributes.email', message: 'must be an email address' },
      { field: 'attributes.phone', message: 'must be a phone number' },
      { field: 'attributes.regime', message: 'must be one of BIC, BNC' },
    ]));

  it('requires required fields only when asked to, but never lets a change empty one', () => {
    expect(check({ employees: 3 })).toEqual([]);
    expect(check({ employees: '' })).toEqual([]);
    expect(check({ siren: '' })).toEqual([{ field: 'attributes.siren', message: 'is required' }]);
    expect(check({ siren: '' }, true)).toEqual([
      { field: 'attributes.siren', message: 'is required' },
      { field: 'attributes.regime', message: 'is required' },
    ]);
  });

  it('refuses phones with too few or too many digits, or letters', () => {
    expect(check({ phone: '01 23 4' })).toHaveLength(1);
    expect(check({ phone: '1'.repeat(21) })).toHaveLength(1);
    expect(check({ phone: '01 23 45 67 8x' })).toHaveLength(1);
    expect(check({ phone: '012345' })).toEqual([]);
  });
});
