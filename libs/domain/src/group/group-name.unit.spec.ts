import { checkGroupName } from './group-name';

describe('checkGroupName', () => {
  it('trims names and rejects empty or long ones', () => {
    expect(checkGroupName('  BIC ')).toEqual({ value: 'BIC', errors: [] });
    expect(checkGroupName(' ').errors).toEqual([{ field: 'name', message: 'must be 1-120 characters' }]);
    expect(checkGroupName('x'.repeat(121)).errors).toHaveLength(1);
    expect(checkGroupName('a\u202eb', 'groups.0.name').errors).toEqual([
      { field: 'groups.0.name', message: expect.stringContaining('text-direction') },
    ]);
  });
});
