import { jsonShapeProblem } from './json-body';

describe('jsonShapeProblem', () => {
  const keys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`;

  it('accepts ordinary bodies', () => {
    expect(jsonShapeProblem('{"name":"a","attributes":{"x":[1,2,3]}}')).toBeNull();
    expect(jsonShapeProblem(keys(10_000))).toBeNull();
  });

  it('refuses a body nested past the depth limit, counting neither brackets nor commas in strings', () => {
    expect(jsonShapeProblem('['.repeat(33) + ']'.repeat(33))).toBe('too-deep');
    expect(jsonShapeProblem('['.repeat(32) + ']'.repeat(32))).toBeNull();
    expect(jsonShapeProblem(JSON.stringify({ a: '[[[[{{{{'.repeat(100), b: ','.repeat(20_000) }))).toBeNull();
    expect(jsonShapeProblem('{"a":"\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBeNull();
  });

  it('refuses an object or an array with more than 10,000 members, at any depth', () => {
    expect(jsonShapeProblem(keys(10_001))).toBe('too-many-members');
    expect(jsonShapeProblem(`{"attributes":${keys(10_001)}}`)).toBe('too-many-members');
    expect(jsonShapeProblem(`[${'1,'.repeat(10_000)}1]`)).toBe('too-many-members');
    // Members are counted per container: many small ones are fine.
    expect(jsonShapeProblem(`[${Array.from({ length: 5000 }, () => '{"a":1,"b":2}').join(',')}]`)).toBeNull();
  });
});
