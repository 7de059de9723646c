import { ValidationError } from '@dossiers/domain';
import { commandContextOf, deterministicUuid, parseIfMatch, type HttpRequest } from './request-context';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    [' "12" ', 12],
  ])('reads %s as revision %i', (header, revision) => expect(parseIfMatch(header)).toBe(revision));

  it('treats an absent header as no precondition, and * as "the resource exists"', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBe('exists');
    expect(parseIfMatch(' * ')).toBe('exists');
  });

  it('refuses anything else, naming the header', () => {
    for (const header of ['"abc"', '"1", "2"', 'W/"12"', '7', '"0', '"-1"']) {
      expect(() => parseIfMatch(header)).toThrow(ValidationError);
    }
    expect(() => parseIfMatch('"1", "2"')).toThrow(/If-Match/);
  });
});

describe('deterministicUuid', () => {
  it('is stable for a name, different across names, and shaped as a v5 uuid', () => {
    const id = deterministicUuid('firm|user|key|client');
    expect(deterministicUuid('firm|user|key|client')).toBe(id);
    expect(deterministicUuid('firm|user|key|group')).not.toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('commandContextOf', () => {
  const request = (ifMatch: string) =>
    ({
      id: 'req-1',
      principal: { tenant: 'firm-a', sub: 'user-1', role: 'admin' },
      headers: { 'if-match': ifMatch },
    }) as unknown as HttpRequest;

  it("takes If-Match as the precondition, unless told the request's preconditions are not the command's", () => {
    expect(commandContextOf(request('"3"')).expectedRevision).toBe(3);
    expect(() => commandContextOf(request('"a-sha256"'))).toThrow(ValidationError);
    expect(commandContextOf(request('"3"'), { preconditions: false }).expectedRevision).toBeUndefined();
    expect(commandContextOf(request('"a-sha256"'), { preconditions: false })).toMatchObject({
      tenant: 'firm-a',
      actor: 'user-1',
      correlationId: 'req-1',
    });
  });
});
