import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { useStandalone } from './support/standalone-app';

/**
 * What a hostile client can send below the routes: bodies, headers and framing that once answered
 * 500, Node's own 431, or stored unvalidated metadata. Each must be a 4xx in the API's error shape,
 * with nothing stored.
 */
describe('hostile HTTP input', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();

  /** The client's event count, as the admin's history shows it. */
  const historyLength = async (clientId: string) =>
    (await http().get(`/clients/${clientId}/history?limit=1000`).set(suite.auth)).body.events.length;

  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  it.each([
    ['an authenticated command', 'post', '/clients', true],
    ['an unauthenticated route', 'post', '/activations/some-token', false],
    ['a change', 'patch', '/clients/00000000-0000-4000-8000-000000000000', true],
  ] as const)('refuses a body nested 3,000 levels deep on %s with 400', async (_, method, path, withAuth) => {
    const request = http()[method](path).set('content-type', 'application/json');
    if (withAuth) void request.set(suite.auth);
    const res = await request.send(deep(3000));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'JSON_TOO_DEEP', message: expect.stringContaining('32') });
  });

  it('refuses arrays nested past the limit, but takes the same depth inside a string', async () => {
    const arrays = '{"name":"Deep","attributes":{"x":' + '['.repeat(40) + ']'.repeat(40) + '}}';
    const refused = await http()
      .post('/clients')
      .set(suite.auth)
      .set('content-type', 'application/json')
      .send(arrays);
    expect([refused.status, refused.body.code]).toEqual([400, 'JSON_TOO_DEEP']);
    const inString = JSON.stringify({ name: 'Brackets', attributes: { note: '{['.repeat(100) } });
    const ok = await http()
      .post('/clients')
      .set(suite.auth)
      .set('content-type', 'application/json')
      .send(inString);
    expect(ok.status).toBe(201);
  });

  it.each(['null', '[]', '[{"name":"x"}]', '42', '"a string"', 'true'])(
    'refuses the JSON body %s, which is not an object, with 400 naming the body',
    async (body) => {
      const res = await http()
        .post('/clients')
        .set(suite.auth)
        .set('content-type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
    },
  );

  it('answers a JSON variant no route takes (application/merge-patch+json) with 415 in the API shape', async () => {
    const res = await http()
      .patch('/clients/00000000-0000-4000-8000-000000000000')
      .set(suite.auth)
      .set('content-type', 'application/merge-patch+json')
      .send('{"name":"x"}');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('takes a body at the depth limit', async () => {
    // {"name":…,"attributes":{"x":[[…]]}}: 2 object levels, then arrays up to 32 in all.
    const body = '{"name":"At the limit","attributes":{"x":' + '['.repeat(30) + ']'.repeat(30) + '}}';
    const res = await http()
      .post('/clients')
      .set(suite.auth)
      .set('content-type', 'application/json')
      .send(body);
    // The depth check lets it through; the attribute rules then refuse an array value, naming it.
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });

  describe('malformed multipart on an upload', () => {
    let clientId: string;
    let folderId: string;
    beforeAll(async () => {
      const client = await http().post('/clients').set(suite.auth).send({ name: 'Multipart Co' });
      clientId = client.body.id;
      const folder = await http().post(`/clients/${clientId}/folders`).set(suite.auth).send({ name: 'Docs' });
      folderId = folder.body.folderId;
    });

    it.each([
      ['no boundary', 'multipart/form-data', '--x\r\n'],
      ['an empty boundary', 'multipart/form-data; boundary=', '--\r\n'],
      [
        'a boundary over 70 characters',
        `multipart/form-data; boundary=${'b'.repeat(300)}`,
        `--${'b'.repeat(300)}\r\n`,
      ],
      ['no delimiter in the body', 'multipart/form-data; boundary=xyz', 'just some bytes, no delimiter'],
      [
        'a body cut before its closing delimiter',
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nhello',
      ],
    ])('answers 400 for %s, storing nothing', async (_, contentType, body) => {
      const before = await historyLength(clientId);
      const res = await http()
        .post(`/clients/${clientId}/folders/${folderId}/files`)
        .set(suite.auth)
        .set('content-type', contentType)
        .send(Buffer.from(body));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors[0].field).toBe('file');
      expect(await historyLength(clientId)).toBe(before);
    });
  });

  /** A raw request on a socket, to see exactly what goes over the wire and whether it is closed. */
  const rawRequest = (head: string) =>
    new Promise<{ response: string; closed: boolean }>((resolve, reject) => {
      const { port } = suite.h.app.getHttpServer().address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      let response = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (response += chunk));
      socket.on('error', reject);
      socket.on('end', () => resolve({ response, closed: true }));
      socket.write(head);
    });

  describe('over the wire', () => {
    beforeAll(async () => {
      await suite.h.app.listen(0, '127.0.0.1');
    });

    it.each([
      ['an over-long URL', `GET /clients?search=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
      ['over-long headers', `GET /clients HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ])('answers %s with 431 in the API error shape and closes the connection cleanly', async (_, head) => {
      const { response, closed } = await rawRequest(head);
      expect(response).toMatch(/^HTTP\/1\.1 431 /);
      expect(response).toMatch(/\r\nConnection: close\r\n/i);
      const body = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));
      expect(body).toEqual({ code: 'HEADERS_TOO_LARGE', message: expect.any(String) });
      expect(closed).toBe(true);
    });
  });

  it.each([
    ['a path that is not valid UTF-8', '/clients/%ED%A0%80', 400, 'BAD_URL'],
    ['a path parameter over the router limit', `/clients/${'a'.repeat(1200)}`, 414, 'URI_TOO_LONG'],
  ])('answers %s in the API error shape, with its request id', async (_, path, status, code) => {
    const res = await http().get(path).set(suite.auth).set('X-Request-Id', 'lb-7');
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ code, message: expect.any(String) });
    expect([res.headers['x-request-id'], res.headers['x-correlation-id']]).toEqual(['lb-7', 'lb-7']);
  });

  it.each([
    ['X-Causation-Id', 'c'.repeat(12_000)],
    ['X-Causation-Id', 'has spaces in it'],
    ['X-Correlation-Id', 'x'.repeat(101)],
    ['X-Correlation-Id', 'bad<script>'],
  ])('refuses a malformed %s with 400 naming it, appending nothing', async (header, value) => {
    const client = await http()
      .post('/clients')
      .set(suite.auth)
      .send({ name: `Meta ${header} ${value.length}${value[0]}` });
    const res = await http()
      .patch(`/clients/${client.body.id}`)
      .set(suite.auth)
      .set(header, value)
      .send({ attributes: { a: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: header, message: expect.any(String) }]);
    expect(await historyLength(client.body.id)).toBe(1);
  });

  it('stores a well-formed X-Causation-Id in the event metadata', async () => {
    const res = await http()
      .post('/clients')
      .set(suite.auth)
      .set('X-Causation-Id', 'job-42:step.1')
      .send({ name: 'Caused Co' });
    expect(res.status).toBe(201);
    const history = await http().get(`/clients/${res.body.id}/history`).set(suite.auth);
    expect(history.body.events[0].metadata.causationId).toBe('job-42:step.1');
  });

  describe('one text policy for every typed name', () => {
    const json = (path: string, body: string, method: 'post' | 'put' = 'post') =>
      http()[method](path).set(suite.auth).set('content-type', 'application/json').send(body);

    it.each([
      ['a zero-width space', 'So\u200bciété Générale'],
      ['a word joiner', 'Société\u2060 Générale'],
      ['a byte-order mark', '\ufeffSociété Générale'],
      ['full-width letters', 'Ｓｏｃｉéｔé Générale'],
    ])('treats a client name with %s as the name it looks like (409)', async (_, variant) => {
      await http().post('/clients').set(suite.auth).send({ name: 'Société Générale' });
      const res = await http().post('/clients').set(suite.auth).send({ name: variant });
      expect([res.status, res.body.code]).toEqual([409, 'CLIENT_NAME_TAKEN']);
    });

    // Raw JSON, so that the escapes reach the server as they are (a lone surrogate included).
    const hostile = ['"A\\u202eB"', '"A\\u2066B"', '"A\\u0007B"', '"A\\ud800B"', '"A\\udc00B"'];
    const routes: [string, string, (name: string) => string][] = [
      ['a client', '/clients', (n) => `{"name":${n}}`],
      ['a group', '/groups', (n) => `{"name":${n}}`],
      ['a sheet template', '/sheet-templates', (n) => `{"name":${n},"fields":[]}`],
      ['a tree template folder', '/tree-templates', (n) => `{"name":"T","folders":[{"path":${n}}]}`],
      [
        'a contact',
        '/contacts',
        (n) => `{"firstName":${n},"lastName":"B","email":"x@example.com","language":"fr"}`,
      ],
      [
        'a collaborator',
        '/collaborators',
        (n) => `{"firstName":"A","lastName":${n},"email":"y@example.com"}`,
      ],
    ];
    it.each(routes.flatMap(([what, path, body]) => hostile.map((name) => [what, name, path, body] as const)))(
      'refuses %s named %s with 400 naming the field',
      async (_, name, path, body) => {
        const res = await json(path, body(name));
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
        expect(res.body.errors[0].message).toMatch(/control|unicode/);
      },
    );

    it('compares emails on one key (width and case folded) and refuses invisible characters in emails and attribute keys', async () => {
      const contact = (email: string) =>
        http()
          .post('/contacts')
          .set(suite.auth)
          .send({ firstName: 'E', lastName: 'Mail', email, language: 'fr' });
      expect((await contact('paul@policy.example')).status).toBe(201);
      const wide = await contact('ｐａｕｌ@POLICY.example');
      expect([wide.status, wide.body.code]).toEqual([409, 'CONTACT_EMAIL_TAKEN']);
      const invisible = await contact('pa\u200bul@policy.example');
      expect([invisible.status, invisible.body.errors?.[0]?.message]).toEqual([
        400,
        'must not contain invisible characters',
      ]);
      const key = await http()
        .post('/clients')
        .set(suite.auth)
        .send({ name: 'Keys Co', attributes: { siren: '1', 'si\u200bren': '2' } });
      expect(key.status).toBe(400);
      expect(key.body.errors[0].field).toContain('attributes.');
    });

    it('refuses a folder name with a bidi control, and treats invisible variants as the same folder', async () => {
      const client = await http().post('/clients').set(suite.auth).send({ name: 'Policy Co' });
      const folders = `/clients/${client.body.id}/folders`;
      expect((await json(folders, '{"name":"A\\u202eB"}')).status).toBe(400);
      expect((await http().post(folders).set(suite.auth).send({ name: 'Factures' })).status).toBe(201);
      const twin = await http().post(folders).set(suite.auth).send({ name: 'Fac\u200btures' });
      expect([twin.status, twin.body.code]).toEqual([422, 'FOLDER_NAME_TAKEN']);
    });
  });
});
