import { metadataHeaderErrors, requestIdOf } from './metadata-headers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it('takes a well-formed X-Request-Id as the request id', () => {
    expect(requestIdOf({ 'x-request-id': 'lb-7f3a:01.x_y' })).toBe('lb-7f3a:01.x_y');
    expect(requestIdOf({ 'x-request-id': 'a'.repeat(100) })).toBe('a'.repeat(100));
  });

  it('replaces a malformed or absent X-Request-Id with a new uuid, different each time', () => {
    for (const given of [undefined, '', 'a'.repeat(101), 'has space', 'é', 'a/b', ['a', 'b']]) {
      const id = requestIdOf({ 'x-request-id': given });
      expect(id).toMatch(UUID);
      expect(requestIdOf({ 'x-request-id': given })).not.toBe(id);
    }
  });

  it('prefers X-Correlation-Id, the id a caller chose, to X-Request-Id', () => {
    expect(requestIdOf({ 'x-correlation-id': 'corr-1', 'x-request-id': 'req-1' })).toBe('corr-1');
    expect(requestIdOf({ 'x-correlation-id': 'corr-1' })).toBe('corr-1');
  });

  it('never refuses a request for its X-Request-Id, where a malformed X-Correlation-Id is a 400', () => {
    expect(metadataHeaderErrors({ 'x-request-id': 'has space' })).toEqual([]);
    expect(metadataHeaderErrors({ 'x-correlation-id': 'has space' })).toEqual([
      { field: 'X-Correlation-Id', message: expect.any(String) },
    ]);
  });
});
