import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { GUARDS_METADATA, INTERCEPTORS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { ValidationError } from '@dossiers/domain';
import {
  createHttpApp,
  HealthController,
  InfrastructureModule,
  isPublicRoute,
  loadConfig,
} from '@dossiers/platform';
import { CommandInterceptor } from '../libs/platform/src/http/command.interceptor';
import { MinPositionGuard } from '../libs/platform/src/http/min-position.guard';
import { createValidationPipe } from '../libs/platform/src/http/validation.pipe';
import {
  operationsOf,
  routesByOperationId,
  type Operation,
  type RouteHandler,
} from '../libs/platform/src/http/openapi-document';
import { CommandApiModule } from '../apps/command-api/src/command-api.module';
import { QueryApiModule } from '../apps/query-api/src/query-api.module';
import { StandaloneModule } from '../apps/standalone/src/standalone.module';

/**
 * The OpenAPI documents of the command API, the query API and the standalone process tell the
 * truth, checked against the code rather than a list: each operation's statuses, security and
 * DTO fields follow from its route's guards, interceptors, pipes and class-validator metadata.
 * (test/openapi.e2e.spec.ts and the harness check the standalone's document against real answers.)
 */

type Schema = Record<string, unknown> & { $ref?: string };
const ERROR_BODY = '#/components/schemas/ErrorBody';
const BEARER = [{ bearer: [] }];

const dataDir = mkdtempSync(join(tmpdir(), 'dossiers-openapi-'));
const config = loadConfig({ DATA_DIR: dataDir, AUTH_SECRET: 'x'.repeat(40), LOG_LEVEL: 'error' });

function separateApi(feature: Type): Type {
  @Module({ imports: [InfrastructureModule.forRoot(config), feature], controllers: [HealthController] })
  class AppModule {}
  return AppModule;
}

const APPS: [string, () => Type][] = [
  ['command API', () => separateApi(CommandApiModule)],
  ['query API', () => separateApi(QueryApiModule)],
  ['standalone', () => StandaloneModule.forRoot(config) as never],
];

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.each(APPS)('the OpenAPI document of the %s', (_name, rootModule) => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let routes: Map<string, RouteHandler>;
  const operations = () =>
    operationsOf(document).map(([path, operation, method]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      method,
      operation,
      route: routes.get(operation.operationId!)!,
    }));
  const resolve = (schema: Schema): Schema =>
    schema.$ref
      ? resolve((document.components!.schemas as Record<string, Schema>)[schema.$ref.split('/').pop()!])
      : schema;

  beforeAll(async () => {
    app = await createHttpApp(rootModule(), config, { title: 'test', requestLogs: false });
    await app.init();
    document = (await app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<OpenAPIObject>();
    routes = routesByOperationId(app);
  });
  afterAll(() => app.close());

  it('documents every operation of a route, each once', () => {
    const names = operations().map(({ name }) => name);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(operations().filter(({ route }) => !route)).toEqual([]);
  });

  it('gives every response a schema, or says it has no body (204 only)', () => {
    const wrong: string[] = [];
    for (const { name, operation } of operations())
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const media = Object.entries(response.content ?? {});
        if (media.length === 0 && status !== '204') wrong.push(`${name} ${status}: no content`);
        if (media.length > 0 && status === '204') wrong.push(`${name} 204: a body`);
        for (const [type, { schema }] of media)
          if (!schema) wrong.push(`${name} ${status} ${type}: no schema`);
      }
    expect(wrong).toEqual([]);
  });

  it('gives every error the one error shape (or a shape that carries all of it)', () => {
    const errorBody = resolve({ $ref: ERROR_BODY });
    const wrong: string[] = [];
    for (const { name, operation } of operations())
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const media = Object.entries(response.content ?? {});
        const schema = response.content?.['application/json']?.schema as Schema | undefined;
        if (media.length !== 1 || !schema?.$ref) wrong.push(`${name} ${status}: not a component`);
        else if (schema.$ref !== ERROR_BODY) {
          // GET /ready's 503 says which store is down: ErrorBody's properties, alike, and more.
          const own = resolve(schema);
          const properties = own.properties as Record<string, Schema>;
          for (const [key, property] of Object.entries(errorBody.properties as Record<string, Schema>))
            if (properties?.[key] && properties[key].type !== property.type)
              wrong.push(`${name} ${status}: ${key} is not ErrorBody's`);
          for (const key of errorBody.required as string[])
            if (!(own.required as string[] | undefined)?.includes(key))
              wrong.push(`${name} ${status}: ${key} not required`);
        }
      }
    expect(wrong).toEqual([]);
  });

  /** What the route is, read from its decorators (not from the document). */
  function factsOf(route: RouteHandler, path: string, method: string) {
    const enhancers = (key: string) => [
      ...((Reflect.getMetadata(key, route.controller) as unknown[]) ?? []),
      ...((Reflect.getMetadata(key, route.handler) as unknown[]) ?? []),
    ];
    return {
      isPublic: isPublicRoute(app.get(Reflector), route.handler, route.controller),
      isCommand: enhancers(INTERCEPTORS_METADATA).includes(CommandInterceptor),
      readsYourWrites: enhancers(GUARDS_METADATA).includes(MinPositionGuard),
      takesBody: method !== 'get',
      hasId: path.includes('{'),
      isReadiness: path === '/ready',
    };
  }

  it('documents each error status exactly where the route can answer it', () => {
    const wrong: string[] = [];
    for (const { name, path, method, operation, route } of operations()) {
      const facts = factsOf(route, path, method);
      const documented = new Set(Object.keys(operation.responses ?? {}).map(Number));
      const rules: [number, boolean, string][] = [
        [400, true, 'every request: its tracing headers are checked'],
        [415, true, 'every request: a body of another type is refused'],
        [500, true, 'every request'],
        [413, facts.takesBody, 'a body (JSON or an upload)'],
        [401, !facts.isPublic, 'a token is required'],
        [403, !facts.isPublic, 'a token is required'],
        [429, !facts.isPublic, 'the rate limits count principals'],
        [404, facts.hasId || facts.isCommand, 'an id in the path or a command'],
        [409, facts.isCommand, 'a command'],
        [412, facts.isCommand, 'If-Match'],
        [422, facts.isCommand, 'a command: the rules and Idempotency-Key'],
        [503, facts.readsYourWrites || facts.isReadiness, 'X-Min-Position, or readiness'],
      ];
      for (const [status, applies, why] of rules) {
        if (applies && !documented.has(status)) wrong.push(`${name}: ${status} missing (${why})`);
        // Where it cannot be answered, documenting it would be a lie.
        const never = [401, 403, 412, 429, 503].includes(status) || (status === 413 && method === 'get');
        if (!applies && never && documented.has(status)) wrong.push(`${name}: ${status} cannot happen`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('requires the bearer token on exactly the routes the AuthGuard protects', () => {
    expect(document.security).toBeUndefined();
    const wrong: string[] = [];
    for (const { name, path, method, operation, route } of operations()) {
      const { isPublic } = factsOf(route, path, method);
      const security = JSON.stringify(operation.security);
      if (isPublic ? operation.security !== undefined : security !== JSON.stringify(BEARER))
        wrong.push(`${name}: ${isPublic ? 'public' : 'protected'} but security ${security}`);
    }
    expect(wrong).toEqual([]);
  });

  it('types DTO fields as the validation pipe accepts them: every value the document allows passes', async () => {
    const refusals: string[] = [];
    let probed = 0;
    for (const { name, operation, route } of operations()) {
      const { body, query } = dtosOf(route);
      const probe = async (dto: Type, type: 'body' | 'query', field: string, values: unknown[]) => {
        for (const value of values) {
          probed++;
          const plain = value === undefined ? {} : { [field]: value };
          const why = await refusalOf(dto, type, plain, field);
          if (why) refusals.push(`${name} ${type} ${field}=${JSON.stringify(value)?.slice(0, 40)}: ${why}`);
        }
      };
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      if (body && bodySchema) {
        const schema = resolve(bodySchema);
        for (const [field, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
          const required = ((schema.required as string[] | undefined) ?? []).includes(field);
          await probe(body, 'body', field, allowedValues(resolve(property), required, resolve));
        }
      }
      if (query)
        for (const parameter of queryParameters(operation)) {
          const values = allowedValues(resolve(parameter.schema ?? {}), parameter.required === true, resolve);
          await probe(query, 'query', parameter.name, values.map(asQueryValue));
        }
    }
    expect(refusals).toEqual([]);
    expect(probed).toBeGreaterThan(50);
  });

  it('marks required exactly what the validation pipe requires, nullable exactly what it lets be null', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { name, operation, route } of operations()) {
      const { body, query } = dtosOf(route);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
      const fields: {
        dto: Type;
        type: 'body' | 'query';
        field: string;
        required: boolean;
        nullable?: boolean;
      }[] = [];
      if (body && bodySchema) {
        const schema = resolve(bodySchema);
        for (const [field, property] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
          fields.push({
            dto: body,
            type: 'body',
            field,
            required: ((schema.required as string[] | undefined) ?? []).includes(field),
            nullable: resolve(property).nullable === true,
          });
      }
      if (query)
        for (const parameter of queryParameters(operation))
          fields.push({
            dto: query,
            type: 'query',
            field: parameter.name,
            required: parameter.required === true,
          });
      // Only what the pipe checks: a property it merely allows (@Allow()) is checked by the handler.
      for (const { dto, type, field, required, nullable } of fields.filter((f) =>
        pipeChecks(f.dto, f.field),
      )) {
        checked++;
        const whenAbsent = await refusalOf(dto, type, {}, field);
        if (Boolean(whenAbsent) !== required)
          wrong.push(
            `${name} ${type} ${field}: documented ${required ? '' : 'not '}required, ${whenAbsent ?? 'absent passes'}`,
          );
        if (nullable === undefined) continue;
        const whenNull = await refusalOf(dto, type, { [field]: null }, field);
        if (Boolean(whenNull) === nullable)
          wrong.push(
            `${name} ${type} ${field}: documented ${nullable ? '' : 'not '}nullable, ${whenNull ?? 'null passes'}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});

const pipe = createValidationPipe();

/** What the validation pipe says of a field of this input, if it refuses it. */
async function refusalOf(dto: Type, type: 'body' | 'query', plain: object, field: string) {
  try {
    await pipe.transform(plain, { type, metatype: dto, data: undefined });
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
  }
}

/** Whether the pipe checks a property (class-validator metadata beyond @Allow() and @ValidateIf()). */
function pipeChecks(dto: Type, field: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .some(
      (metadata) =>
        metadata.propertyName === field &&
        !['whitelistValidation', 'conditionalValidation'].includes(metadata.type),
    );
}

function queryParameters(operation: Operation) {
  return (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
}

/** The classes of a route's `@Body() dto` and `@Query() dto`. */
function dtosOf(route: RouteHandler): { body?: Type; query?: Type } {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.method) ??
    []) as Type[];
  const find = (paramtype: RouteParamtypes) => {
    const entry = Object.entries(args).find(
      ([key, arg]) => key.split(':')[0] === String(paramtype) && arg.data === undefined,
    );
    const type = entry ? types[entry[1].index] : undefined;
    return type && type !== (Object as unknown) ? type : undefined;
  };
  return { body: find(RouteParamtypes.BODY), query: find(RouteParamtypes.QUERY) };
}

/** A query string carries text: numbers as their digits, an array as repeated values. */
function asQueryValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asQueryValue);
  return value === undefined || value === null ? value : String(value);
}

const INSTANT = '2026-03-03T17:00:00Z';

/** One value the schema allows, the plainest. */
function plainValue(schema: Schema, resolve: (s: Schema) => Schema): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return INSTANT;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return (schema.minimum as number | undefined) ?? Math.min(0, (schema.maximum as number) ?? 0);
    case 'boolean':
      return true;
    case 'array':
      return [plainValue(resolve((schema.items ?? {}) as Schema), resolve)];
    case 'object':
      return {};
    default:
      return 'a'.repeat(Math.max(1, (schema.minLength as number | undefined) ?? 1));
  }
}

/**
 * Values the schema allows, at its edges: absent if optional, null if nullable, every enum
 * member, the bounds (or far beyond where none is stated), the longest and shortest text.
 */
function allowedValues(schema: Schema, required: boolean, resolve: (s: Schema) => Schema): unknown[] {
  if (schema.oneOf || schema.anyOf || schema.allOf) return required ? [] : [undefined];
  const values: unknown[] = [plainValue(schema, resolve)];
  if (!required) values.push(undefined);
  if (schema.nullable === true) values.push(null);
  if (Array.isArray(schema.enum)) values.push(...schema.enum);
  else if (schema.type === 'integer' || schema.type === 'number') {
    values.push(
      (schema.minimum as number | undefined) ?? -1e12,
      (schema.maximum as number | undefined) ?? 1e12,
    );
    if (schema.type === 'number') values.push(1.5);
  } else if (schema.type === 'string' && !schema.format && !schema.pattern) {
    values.push('a'.repeat((schema.minLength as number | undefined) ?? 0));
    values.push('a'.repeat((schema.maxLength as number | undefined) ?? 100_000));
  } else if (schema.type === 'array') {
    const items = resolve((schema.items ?? {}) as Schema);
    const count = (schema.maxItems as number | undefined) ?? 1000;
    values.push(Array.from({ length: count }, () => plainValue(items, resolve)));
    for (const item of allowedValues(items, true, resolve)) values.push([item]);
  }
  return values;
}
