import { randomUUID } from 'node:crypto';
import { useStandalone } from './support/standalone-app';

/**
 * The served OpenAPI document describes the whole API: a schema for every success, the bearer
 * requirement exactly where the server wants a token, and the error shape on every error. (Every
 * e2e suite also checks each real response against it: see test/support/openapi-checker.ts.)
 */

type Schema = Record<string, unknown> & { $ref?: string };
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  security?: unknown;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR_BODY = '#/components/schemas/ErrorBody';
/** Answers that carry the error shape plus more, documented as their own schema. */
const OWN_ERROR_SHAPES = new Set(['GET /ready 503']);

describe('the OpenAPI document', () => {
  const suite = useStandalone();
  let document: Document;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation: item[method]!,
      })),
    );

  beforeAll(async () => {
    const res = await suite.h.http().get('/docs/openapi.json');
    expect(res.status).toBe(200);
    document = res.body as Document;
  });

  it('gives every success of every operation a schema, JSON or binary', () => {
    const missing: string[] = [];
    for (const { name, operation } of operations()) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
      if (successes.length === 0) missing.push(`${name}: no success response`);
      for (const [status, response] of successes) {
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) missing.push(`${name} ${status}: no content`);
        for (const [type, { schema }] of media)
          if (!schema) missing.push(`${name} ${status} ${type}: no schema`);
      }
    }
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(60);
  });

  it('types binary answers and uploads', () => {
    const binary = { type: 'string', format: 'binary' };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(document.paths['/clients/export.xlsx'].get.responses['200'].content).toEqual({
      [xlsx]: { schema: binary },
    });
    const download = document.paths['/clients/{id}/files/{fileId}/content'].get.responses;
    expect(download['200'].content).toEqual({ '*/*': { schema: binary } });
    expect(download['206'].content).toEqual({ '*/*': { schema: binary } });
    for (const [path, method] of [
      ['/clients/{id}/folders/{folderId}/files', 'post'],
      ['/clients/{id}/files/{fileId}/content', 'put'],
    ] as const) {
      const body = document.paths[path][method].requestBody!.content;
      expect(Object.keys(body)).toEqual(['multipart/form-data']);
      expect(body['multipart/form-data'].schema).toMatchObject({
        required: ['file'],
        properties: { file: binary },
      });
    }
  });

  it('types every property: no bare `object` where the server takes a string, an array or a map', () => {
    const untyped: string[] = [];
    const visit = (schema: unknown, at: string) => {
      if (!schema || typeof schema !== 'object') return;
      const node = schema as Schema;
      if (!node.$ref && !node.type && !node.oneOf && !node.anyOf && !node.allOf)
        untyped.push(`${at}: no type`);
      if (
        node.type === 'object' &&
        !node.properties &&
        node.additionalProperties === undefined &&
        !node.allOf
      )
        untyped.push(`${at}: an object of anything`);
      for (const [key, value] of Object.entries((node.properties as Record<string, unknown>) ?? {}))
        visit(value, `${at}.${key}`);
      if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${at}{}`);
      if (node.items) visit(node.items, `${at}[]`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, name);
    // A map says what it maps to (`additionalProperties`); the history's event `data`, any event's, says `true`.
    expect(untyped).toEqual([]);
  });

  it('requires the bearer token exactly where the server does, and nowhere globally', async () => {
    expect(document.security).toBeUndefined();
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const wrong: string[] = [];
    const publicOnes: string[] = [];
    for (const { name, method, path, operation } of operations()) {
      const requiresBearer = JSON.stringify(operation.security ?? []) === JSON.stringify([{ bearer: [] }]);
      if (!requiresBearer) {
        publicOnes.push(name);
        if (operation.security !== undefined)
          wrong.push(`${name}: security ${JSON.stringify(operation.security)}`);
      }
      // Without a token: 401 exactly where the document asks for one.
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const res = await suite.h.http()[method](url);
      if ((res.status === 401) !== requiresBearer)
        wrong.push(
          `${name}: ${res.status} without a token, but the document ${requiresBearer ? 'requires' : 'does not require'} one`,
        );
      if (requiresBearer && !operation.responses['401']) wrong.push(`${name}: 401 not documented`);
    }
    expect(wrong).toEqual([]);
    expect(publicOnes).toEqual(
      expect.arrayContaining(['GET /health', 'GET /ready', 'POST /activations/{token}']),
    );
  });

  it('gives every error response the error shape {code, message, errors?}', () => {
    expect(document.components.schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
      },
    });
    expect(document.components.schemas.FieldError).toMatchObject({
      required: ['field', 'message'],
      properties: { field: { type: 'string' }, message: { type: 'string' }, step: { type: 'string' } },
    });
    const wrong: string[] = [];
    for (const { name, operation } of operations()) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (OWN_ERROR_SHAPES.has(`${name} ${status}`)) {
          const own = document.components.schemas[String(ref).split('/').pop()!];
          if (!(own?.required as string[] | undefined)?.includes('code'))
            wrong.push(`${name} ${status}: no code`);
        } else if (ref !== ERROR_BODY || Object.keys(response.content!).length !== 1)
          wrong.push(`${name} ${status}: ${JSON.stringify(response.content)}`);
      }
      for (const status of ['400', '500'])
        if (!operation.responses[status]) wrong.push(`${name}: ${status} not documented`);
    }
    expect(wrong).toEqual([]);
  });
});
