import Fastify from 'fastify';
import { jsonShapeProblem, registerJsonBodyParser } from './json-body';

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

describe('registerJsonBodyParser', () => {
  async function post(payload: Buffer, chunked: boolean) {
    const app = Fastify();
    registerJsonBodyParser(app as never);
    app.post('/c', async (request) => request.body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(payload.length);
    const res = await app.inject({ method: 'POST', url: '/c', headers, payload });
    await app.close();
    return res;
  }

  it.each([false, true])(
    'refuses a body that is not UTF-8, whatever its framing (chunked: %s)',
    async (chunked) => {
      const loneSurrogate = Buffer.concat([
        Buffer.from('{"name":"Chunk'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('ed"}'),
      ]);
      const latin1 = Buffer.from('{"name":"Lat\u00e9in"}', 'latin1');
      for (const payload of [loneSurrogate, latin1]) {
        const res = await post(payload, chunked);
        expect([res.statusCode, res.json().message]).toEqual([400, 'The JSON body is not valid UTF-8']);
      }
    },
  );

  it('takes a UTF-8 body as it is', async () => {
    const res = await post(Buffer.from('{"name":"Société Générale"}'), false);
    expect([res.statusCode, res.json()]).toEqual([200, { name: 'Société Générale' }]);
  });
});
