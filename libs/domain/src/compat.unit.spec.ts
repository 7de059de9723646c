import type { SheetField } from '@dossiers/events';
import * as domain from './index';
import { ValidationError } from './shared/domain-errors';

/**
 * The old names the apps still import behave as they did, by delegating to the new ones
 * (compat.ts). This spec goes with that file.
 */
describe('the old names kept for the apps', () => {
  const tree = domain.addFolders({}, [
    { folderId: 'a', parentId: null, name: 'A', contactDefault: null },
    { folderId: 'b', parentId: 'a', name: 'B', contactDefault: null },
  ]);

  it('throw a ValidationError where the new checks return errors', () => {
    expect(domain.parseClientName(' Acme ')).toBe('Acme');
    expect(() => domain.parseClientName('')).toThrow(ValidationError);
    expect(domain.parseAttributes({ a: null }, { allowRemoval: true })).toEqual({ set: {}, removed: ['a'] });
    expect(() => domain.parseAttributes([], { allowRemoval: true })).toThrow(ValidationError);
    expect(domain.parseGroupName(' BIC ')).toBe('BIC');
    expect(() => domain.parseGroupName('')).toThrow(ValidationError);
    expect(domain.sanitizeFileName(' a.pdf ')).toBe('a.pdf');
    expect(() => domain.sanitizeFileName('a/b.pdf', 'name')).toThrow(/^name: /);
  });

  it('push into the caller errors where the new checks return them', () => {
    const errors: domain.FieldError[] = [];
    expect(domain.checkText(' Label ', 'label', 10, errors)).toBe('Label');
    expect(domain.checkText('', 'label', 10, errors)).toBeUndefined();
    expect(domain.checkRequiredFlag('yes', 'required', errors)).toBe(false);
    expect(domain.checkOptions(['x', 'x'], 'select', 'options', errors)).toBeUndefined();
    expect(domain.checkOptions(undefined, 'text', 'options', errors)).toBeUndefined();
    domain.checkKnownProperties({ extra: 1 }, [], 'field', errors);
    expect(errors.map((e) => e.field)).toEqual(['label', 'required', 'options.1', 'field.extra']);
  });

  it('answer in their old shapes', () => {
    const fields: SheetField[] = [{ key: 'siren', label: 'SIREN', type: 'text', required: true }];
    expect(domain.checkSheetValues(fields, {}, { requireAll: true, field: 'attributes' })).toEqual([
      { field: 'attributes.siren', message: 'is required' },
    ]);
    expect(domain.checkFolderName('a/b')).toBe("must not contain '/'");
    expect(domain.checkFolderName('ok')).toBeNull();
    expect(domain.pathOf(tree, 'b')).toBe('A/B');
    expect(domain.pathOf(tree, 'missing')).toBe('');
    const [definition] = domain.checkConnectorCatalog([
      {
        id: 'x',
        name: 'X',
        description: '',
        settings: [{ key: 'k', label: 'K', type: 'string', required: true }],
      },
    ]);
    expect(
      domain.checkConnectorSettings(definition, { k: ' v ' }, { field: 's', storedSecretKeys: [] }),
    ).toEqual({
      settings: { k: 'v' },
      secrets: {},
      errors: [],
    });
    expect(
      domain.checkConnectorSettings(definition, {}, { field: 's', storedSecretKeys: [] }).errors,
    ).toEqual([{ field: 's.k', message: 'is required' }]);
  });

  it('name the same functions as the member names', () => {
    expect(domain.principalOf).toBe(domain.memberOf);
    expect(domain.principalsOf).toBe(domain.membersOf);
    expect(domain.forgetPrincipal).toBe(domain.forgetMember);
  });
});
