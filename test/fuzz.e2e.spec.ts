import fc from 'fast-check';
import type { Response } from 'supertest';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { multipartBody } from '../libs/platform/src/http/files/testing/multipart-body';
import { useStandalone } from './support/standalone-app';

/**
 * An attacker that stays in the suite: every operation of the served OpenAPI document, sent with
 * generated hostile inputs. Each request carries one defect that makes it invalid (a wrong type,
 * an unknown or prototype key, a deep or oversized body, a bad header, path id, query value,
 * token or multipart framing), so it must be refused with a 4xx, and append nothing. Some inputs
 * are only odd (unicode edge cases in text): those must simply never cause a 5xx.
 *
 * A new route is fuzzed as soon as it is in the document. A failure prints the operation and the
 * defect (fast-check shrinks it and prints the seed to replay it).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: { type: 'json'; schema: Schema } | { type: 'multipart' };
  isPublic: boolean;
}
interface Defect {
  /** what it is, for the failure message */
  name: string;
  /** true: the request is invalid, so 4xx and nothing appended; false: odd but maybe valid, never 5xx */
  invalid: boolean;
  request: {
    path?: string;
    query?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    contentType?: string;
  };
}

const RUNS = 2500;
const REQUESTS_PER_RUN = 1;

describe('fuzzing every operation of the OpenAPI document', () => {
  const suite = useStandalone();
  const http = () => suite.h.http();
  let document: {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, Schema> };
  };
  let operations: Operation[];
  const ids: Record<string, string> = {};

  const ok = async (method: 'post' | 'put', path: string, body: object) => {
    const res = await http()[method](path).set(suite.auth).send(body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    // Real resources, so that hostile requests reach the code behind the lookups.
    ids.group = (await ok('post', '/groups', { name: 'Fuzz group' })).id;
    ids.sheetTemplate = (
      await ok('post', '/sheet-templates', {
        name: 'Fuzz sheet',
        fields: [{ key: 'k', label: 'K', type: 'text' }],
      })
    ).id;
    ids.treeTemplate = (
      await ok('post', '/tree-templates', { name: 'Fuzz tree', folders: [{ path: 'A/B' }] })
    ).id;
    ids.formTemplate = (
      await ok('post', '/form-templates', {
        name: 'Fuzz form',
        sections: [{ title: 'S', questions: [{ key: 'q', label: 'Q', type: 'text' }] }],
      })
    ).id;
    ids.reminderTemplate = (
      await ok('post', '/reminder-templates', {
        name: 'Fuzz reminder',
        texts: { fr: { subject: 'Rappel {{client.name}}', body: 'Bonjour {{contact.firstName}}' } },
      })
    ).id;
    ids.contact = (
      await ok('post', '/contacts', {
        firstName: 'F',
        lastName: 'Z',
        email: 'fuzz@example.com',
        language: 'fr',
      })
    ).id;
    ids.collaborator = (
      await ok('post', '/collaborators', { firstName: 'C', lastName: 'Z', email: 'c@example.com' })
    ).id;
    ids.client = (
      await ok('post', '/clients', {
        name: 'Fuzz Co',
        contacts: [{ contactId: ids.contact, language: 'fr', sendActivationEmail: false }],
        collaborators: [{ collaboratorId: ids.collaborator, access: 'read' }],
      })
    ).id;
    ids.folder = (await ok('post', `/clients/${ids.client}/folders`, { name: 'Docs' })).folderId;
    const upload = multipartBody([{ name: 'file', filename: 'a.pdf', content: Buffer.from('%PDF-1.7') }]);
    const chunks: Buffer[] = [];
    for await (const chunk of upload.body) chunks.push(chunk as Buffer);
    const file = await http()
      .post(`/clients/${ids.client}/folders/${ids.folder}/files`)
      .set(suite.auth)
      .set('content-type', upload.contentType)
      .send(Buffer.concat(chunks));
    ids.file = file.body.id;
    if (!ids.file) throw new Error(`upload: ${file.status} ${JSON.stringify(file.body)}`);
    ids.connector = (await http().get('/connectors').set(suite.auth)).body.items[0].id;
    ids.token = await activationToken();

    document = (await http().get('/docs/openapi.json')).body;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, raw]) => toOperation(path, method as Operation['method'], raw as RawOperation)),
    );
  });

  /** A real activation link's token, so that the activation route's handler is reached too. */
  async function activationToken(): Promise<string> {
    const invited = await ok('post', `/clients/${ids.client}/contacts`, {
      contactId: ids.contact,
      language: 'fr',
      sendActivationEmail: true,
    });
    const deadline = Date.now() + 5000;
    for (;;) {
      const outbox = await http()
        .get('/outbox')
        .set(suite.auth)
        .set('X-Min-Position', String(invited.position));
      const sent = (outbox.body.items as { status: string; message: { link?: string } }[]).find(
        (item) => item.status === 'sent' && item.message.link?.includes('/activate?'),
      );
      if (sent) return new URL(sent.message.link!).searchParams.get('token')!;
      if (Date.now() > deadline) throw new Error('no activation mail was sent');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  interface RawOperation {
    parameters?: Parameter[];
    requestBody?: { content: Record<string, { schema: Schema }> };
    security?: unknown[];
  }

  function toOperation(path: string, method: Operation['method'], raw: RawOperation): Operation {
    const content = raw.requestBody?.content ?? {};
    const body = content['multipart/form-data']
      ? ({ type: 'multipart' } as const)
      : content['application/json']
        ? ({ type: 'json', schema: content['application/json'].schema } as const)
        : undefined;
    // Public operations carry no bearer requirement (their own `security`, else the document's).
    const security = raw.security ?? (document as { security?: unknown[] }).security ?? [];
    const isPublic = !security.some((s) => Object.keys(s as object).length > 0);
    return { method, path, parameters: raw.parameters ?? [], body, isPublic };
  }

  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()!]) : schema;

  /** The real id each path parameter names, so that only the defect makes the request fail. */
  function realPath(operation: Operation, overrides: Record<string, string> = {}): string {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (overrides[name] !== undefined) return overrides[name];
      if (name === 'id') {
        const kind = operation.path.split('/')[1];
        const byKind: Record<string, string> = {
          clients: ids.client,
          contacts: ids.contact,
          collaborators: ids.collaborator,
          'sheet-templates': ids.sheetTemplate,
          'tree-templates': ids.treeTemplate,
          'form-templates': ids.formTemplate,
          'reminder-templates': ids.reminderTemplate,
          connectors: ids.connector,
        };
        return byKind[kind] ?? ids.client;
      }
      const byName: Record<string, string> = {
        folderId: ids.folder,
        fileId: ids.file,
        contactId: ids.contact,
        collaboratorId: ids.collaborator,
        principalId: ids.contact,
        connectorId: ids.connector,
        token: ids.token,
      };
      return byName[name] ?? 'unknown';
    });
  }

  // ---- the defects ------------------------------------------------------------------------
  const oddText = fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u202eb',
    '\ud800',
    '\udfff',
    '\ufeff',
    'Ｓｏｃｉéｔé',
    'e\u0301'.repeat(50),
    '👨‍👩‍👧'.repeat(20),
    '%00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE events; --",
    '{"$gt":""}',
    'x'.repeat(5000),
  );
  const reservedKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

  /** A real id for a uuid field, by its name; a fresh one where the name says nothing. */
  function idFor(key: string): string {
    const byName: [RegExp, string][] = [
      [/^group/i, 'group'],
      [/^sheetTemplate/i, 'sheetTemplate'],
      [/^treeTemplate/i, 'treeTemplate'],
      [/^formTemplate/i, 'formTemplate'],
      [/^(contact|principal)/i, 'contact'],
      [/^collaborator/i, 'collaborator'],
      [/^(parent|folder)/i, 'folder'],
      [/^file/i, 'file'],
      [/^client/i, 'client'],
    ];
    const found = byName.find(([pattern]) => pattern.test(key));
    return found ? ids[found[1]] : '00000000-0000-4000-8000-000000000000';
  }

  /**
   * A plausible value for a property (its example, else one of its type), so that a body carries
   * every required property and only the defect makes it invalid.
   */
  function plausible(key: string, schema: Schema): Json {
    const s = resolve(schema);
    const example = (s as { example?: Json }).example;
    if (example !== undefined) return example;
    if (s.enum?.length) return s.enum[0] as Json;
    if (s.oneOf?.length) return plausible(key, s.oneOf[0]);
    switch (s.type) {
      case 'string':
        return s.format === 'uuid'
          ? idFor(key)
          : s.format === 'date-time'
            ? '2026-12-31T09:00:00.000Z'
            : `${key} 1`;
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return false;
      case 'array':
        return [];
      case 'object':
        return baseBody(s);
      default:
        return null;
    }
  }

  /** The object a schema describes, with every required property given a plausible value. */
  function baseBody(schema: Schema): { [key: string]: Json } {
    const s = resolve(schema);
    return Object.fromEntries(
      (s.required ?? []).map((key) => [key, plausible(key, s.properties?.[key] ?? {})]),
    );
  }

  /** A value whose type the schema does not allow, or undefined when every type might be. */
  function wrongValue(schema: Schema): fc.Arbitrary<Json> | undefined {
    const s = resolve(schema);
    if (s.oneOf || s.anyOf || s.allOf || !s.type) return undefined;
    const others: Record<string, Json[]> = {
      string: [42, true, [], { a: 1 }],
      number: ['12', true, [], {}],
      integer: ['12', 1.5, true, [], {}],
      boolean: ['true', 1, [], {}],
      array: ['a', 1, { a: 1 }],
      object: ['a', 1, true, [1]],
    };
    const values = (others[s.type] ?? []).concat(s.nullable ? [] : [null]);
    if (s.enum) values.push('not-one-of-them');
    return values.length ? fc.constantFrom(...values) : undefined;
  }

  function bodyDefects(operation: Operation): fc.Arbitrary<Defect>[] {
    const json = (name: string, body: string, invalid = true): Defect => ({
      name,
      invalid,
      request: { body, contentType: 'application/json' },
    });
    const body = operation.body;
    // A body where none is taken is ignored, not refused: only operations with one get these.
    if (!body) return [];
    const defects: fc.Arbitrary<Defect>[] = [
      fc.constant(json('a body nested 200 levels deep', '{"a":'.repeat(200) + '1' + '}'.repeat(200))),
      fc.constant(json('a body over the size limit', JSON.stringify({ name: 'x'.repeat(1_100_000) }))),
      fc
        .constantFrom('{', '{"a":}', '[1,]', '"\\u12"', 'nul', '\u0000')
        .map((text) => json(`malformed JSON ${JSON.stringify(text)}`, text)),
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml').map((type) => ({
        name: `a ${type} body`,
        invalid: true,
        request: { body: 'name=x', contentType: type },
      })),
    ];
    if (body?.type === 'multipart') {
      defects.push(
        fc
          .constantFrom(
            ['multipart/form-data', '--x\r\n'],
            ['multipart/form-data; boundary=', '--\r\n'],
            [`multipart/form-data; boundary=${'b'.repeat(300)}`, '--b\r\n'],
            ['multipart/form-data; boundary=xyz', 'no delimiter at all'],
            [
              'multipart/form-data; boundary=xyz',
              '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\ncut',
            ],
            [
              'multipart/form-data; boundary=xyz',
              '--xyz\r\nContent-Disposition: form-data; name="other"\r\n\r\nv\r\n--xyz--\r\n',
            ],
          )
          .map(([contentType, text]) => ({
            name: `malformed multipart (${contentType.slice(0, 40)})`,
            invalid: true,
            request: { body: Buffer.from(text), contentType },
          })),
      );
    }
    if (body?.type !== 'json') return defects;
    const schema = resolve(body.schema);
    const properties = Object.entries(schema.properties ?? {});
    // Valid but for the defect: the base body, one property changed or added.
    const withProperty = (key: string, value: Json) => JSON.stringify({ ...baseBody(schema), [key]: value });
    defects.push(
      fc
        .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue())
        .map(([key, value]) => json(`an unknown property zz${key}`, withProperty(`zz${key}`, value as Json))),
      reservedKey.map((key) => json(`a reserved key ${key}`, `{"${key}":{"polluted":true}}`)),
      reservedKey.map((key) =>
        json(`a nested reserved key ${key}`, `{"attributes":{"${key}":{"polluted":true}}}`),
      ),
    );
    const typed = properties.flatMap(([key, property]) => {
      const wrong = wrongValue(property);
      return wrong
        ? [
            wrong.map((value) =>
              json(`${key} of the wrong type ${JSON.stringify(value)}`, withProperty(key, value)),
            ),
          ]
        : [];
    });
    if (typed.length) defects.push(fc.oneof(...typed));
    const texts = properties.filter(([, p]) => resolve(p).type === 'string').map(([key]) => key);
    if (texts.length)
      defects.push(
        fc
          .tuple(fc.constantFrom(...texts), oddText)
          .map(([key, text]) =>
            json(`${key} = ${JSON.stringify(text.slice(0, 20))}`, withProperty(key, text), false),
          ),
      );
    return defects;
  }

  function headerDefects(operation: Operation): fc.Arbitrary<Defect>[] {
    const header = (name: string, values: string[]) =>
      fc.constantFrom(...values).map((value) => ({
        name: `${name}: ${JSON.stringify(value.slice(0, 30))}`,
        invalid: true,
        request: { headers: { [name]: value } },
      }));
    const names = new Set(operation.parameters.filter((p) => p.in === 'header').map((p) => p.name));
    const defects = [
      header('X-Causation-Id', ['has spaces', 'c'.repeat(12_000), 'é', '<x>']),
      header('X-Correlation-Id', ['x'.repeat(101), 'a b', '"quoted"']),
    ];
    if (names.has('If-Match'))
      defects.push(header('If-Match', ['"abc"', 'W/"0"', '0', '"0', '"99999999999999999"', '"-1"']));
    if (names.has('Idempotency-Key'))
      defects.push(header('Idempotency-Key', ['has space', 'k'.repeat(201), 'é', '']));
    if (names.has('X-Min-Position'))
      defects.push(header('X-Min-Position', ['-1', 'abc', '0x10', '1e3', '', '99999999999999999999']));
    if (!operation.isPublic) {
      defects.push(
        fc
          .constantFrom(
            undefined,
            'Bearer',
            'Bearer x.y.z',
            'Basic YWRtaW46YWRtaW4=',
            `Bearer ${'a'.repeat(5000)}`,
          )
          .map((value) => ({
            name: `Authorization: ${String(value).slice(0, 30)}`,
            invalid: true,
            request: { headers: { Authorization: value ?? '' } },
          })),
      );
    }
    return defects;
  }

  function parameterDefects(operation: Operation): fc.Arbitrary<Defect>[] {
    const defects: fc.Arbitrary<Defect>[] = [];
    const pathParams = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    if (pathParams.length)
      defects.push(
        fc
          .tuple(
            fc.constantFrom(...pathParams),
            fc.constantFrom(
              'x',
              '0',
              'ffffffff-ffff-ffff-ffff-ffffffffffff',
              '%2e%2e',
              '%00',
              '%ED%A0%80',
              'a'.repeat(900),
              '🙂',
              "1'--",
            ),
          )
          .map(([name, value]) => {
            // A well-formed id that names nothing is refused too: 404.
            const path = realPath(operation, { [name]: value });
            return { name: `path ${name} = ${value.slice(0, 30)}`, invalid: true, request: { path } };
          }),
      );
    for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
      const s = resolve(parameter.schema ?? {});
      const bad =
        s.type === 'integer' || s.type === 'number'
          ? ['abc', '-5', '1.5', '1e999', '0x1']
          : s.enum
            ? ['not-one-of-them']
            : [];
      if (bad.length)
        defects.push(
          fc.constantFrom(...bad).map((value) => ({
            name: `?${parameter.name}=${value}`,
            invalid: true,
            request: { query: `${parameter.name}=${encodeURIComponent(value)}` },
          })),
        );
    }
    return defects;
  }

  /** fast-check prints a counterexample with this: the operation and the defect's name, not a 1 MB body. */
  const printable = <T extends object>(value: T, text: string): T =>
    Object.assign(value, { [fc.toStringMethod]: () => text });

  const defectsOf = (operation: Operation) =>
    fc
      .oneof(...bodyDefects(operation), ...headerDefects(operation), ...parameterDefects(operation))
      .map((defect) => printable(defect, defect.name));

  async function send(operation: Operation, defect: Defect): Promise<Response> {
    const { request } = defect;
    const path = request.path ?? realPath(operation);
    const url = request.query ? `${path}?${request.query}` : path;
    const call = http()[operation.method](url);
    if (!operation.isPublic) void call.set(suite.auth);
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (name === 'Authorization' && value === '') void call.unset('Authorization');
      else void call.set(name, value);
    }
    if (request.body !== undefined) {
      void call.set('content-type', request.contentType ?? 'application/json');
      return call.send(request.body as never);
    }
    return call;
  }

  it(`never answers 5xx, nor 2xx to an invalid request, and appends nothing when it refuses (${RUNS} requests)`, async () => {
    const store = suite.h.app.get<EventStore>(EVENT_STORE);
    expect(operations.length).toBeGreaterThan(60);
    const operation = fc.constantFrom(...operations);
    const perOperation = new Map(operations.map((op) => [op, defectsOf(op)]));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        operation.chain((op) =>
          fc.tuple(
            fc.constant(printable(op, `${op.method.toUpperCase()} ${op.path}`)),
            perOperation.get(op)!,
          ),
        ),
        async ([op, defect]) => {
          const before = await store.headPosition();
          const res = await send(op, defect);
          const where = `${op.method.toUpperCase()} ${op.path} with ${defect.name}`;
          seen.add(`${op.method} ${op.path}`);
          if (res.status >= 500) throw new Error(`${where}: ${res.status} ${JSON.stringify(res.body)}`);
          if (defect.invalid && res.status < 400) throw new Error(`${where}: accepted (${res.status})`);
          if (res.status >= 400) {
            if (typeof res.body?.code !== 'string')
              throw new Error(`${where}: ${res.status} without an error code`);
            const after = await store.headPosition();
            if (after !== before) throw new Error(`${where}: refused (${res.status}) but appended`);
          }
        },
      ),
      { numRuns: RUNS * REQUESTS_PER_RUN, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    // The runs reached (nearly) every operation.
    expect(seen.size).toBeGreaterThan(operations.length * 0.9);
  }, 120_000);
});
