import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { isPublicRoute } from '../auth/auth.decorators';
import { ERROR_BODY_SCHEMA, errorDescription, errorStatusesOf } from './api-responses';

/** The security scheme of the document (DocumentBuilder.addBearerAuth's default name). */
export const BEARER_SCHEME = 'bearer';

type Schema = Record<string, unknown>;
export type Operation = {
  operationId?: string;
  security?: unknown;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: Response;
  responses?: Record<string, Response>;
};
type Response = { description?: string; content?: Record<string, { schema?: Schema }> };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A route handler: its controller class and method name. */
export interface RouteHandler {
  handler: object;
  controller: new (...args: never[]) => object;
  method: string;
}

/** Every route handler of the app, by the operationId Swagger gives it (`Controller_method`). */
export function routesByOperationId(app: INestApplication): Map<string, RouteHandler> {
  const routes = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller?.prototype) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value as unknown;
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        routes.set(`${controller.name}_${key}`, { handler, controller, method: key });
      }
    }
  }
  return routes;
}

/** Each operation of the document, with its path template and method. */
export function operationsOf(document: OpenAPIObject): [string, Operation, string][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [[path, operation, method] as [string, Operation, string]] : [];
    }),
  );
}

const RATE_LIMITED_RESPONSE = {
  description: errorDescription(429),
  headers: {
    'Retry-After': { description: 'seconds to wait before calling again', schema: { type: 'integer' } },
  },
};

/**
 * The bearer requirement on exactly the operations the AuthGuard protects: every route but the
 * @Public() ones (health, readiness, activation links). An operation that matches no route is a
 * bug in the document's wiring: refused at start rather than documented wrongly.
 */
export function applyBearerRequirements(app: INestApplication, document: OpenAPIObject): void {
  const routes = routesByOperationId(app);
  const reflector = app.get(Reflector);
  for (const [, operation] of operationsOf(document)) {
    const route = routes.get(operation.operationId ?? '');
    if (!route) throw new Error(`OpenAPI: operation ${operation.operationId} matches no route`);
    if (isPublicRoute(reflector, route.handler, route.controller)) delete operation.security;
    else {
      operation.security = [{ [BEARER_SCHEME]: [] }];
      // Where there is a principal, there are its rate limits (rate-limit.ts).
      (operation.responses ??= {})[429] ??= { ...RATE_LIMITED_RESPONSE };
    }
  }
}

/**
 * Closes every object schema that lists its properties and says nothing of others: request DTOs
 * are whitelisted (an unknown property is a 400) and responses carry exactly their properties.
 * Maps (`attributes`, `settings`, event `data`) declare their `additionalProperties` and stay open.
 */
export function closeObjectSchemas(document: OpenAPIObject): void {
  const close = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || '$ref' in schema) return;
    const node = schema as Schema;
    if (node.properties && typeof node.properties === 'object') {
      if (node.additionalProperties === undefined) node.additionalProperties = false;
      Object.values(node.properties).forEach(close);
    }
    if (typeof node.additionalProperties === 'object') close(node.additionalProperties);
    close(node.items);
    for (const key of ['allOf', 'anyOf', 'oneOf'])
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach(close);
  };
  Object.values(document.components?.schemas ?? {}).forEach(close);
  for (const [, operation] of operationsOf(document)) {
    const body = (operation as { requestBody?: Response }).requestBody;
    const responses = [body, ...Object.values(operation.responses ?? {})];
    for (const response of responses)
      Object.values(response?.content ?? {}).forEach((media) => close(media.schema));
  }
}

/**
 * Every error the server answers goes through ErrorResponseFilter: `{code, message, errors?}`.
 * Each operation lists the errors that follow from what it is (errorStatusesOf: its method, path
 * parameters, token, headers), after applyBearerRequirements; an error response a route documents
 * without a body (a plain @ApiNotFoundResponse) gets the ErrorBody shape, one with its own (GET
 * /ready's 503, the error shape and more) keeps it. ErrorBodySchema must be among the document's
 * models (createDocument's extraModels).
 */
export function describeErrors(document: OpenAPIObject): void {
  const errorBody = { $ref: `#/components/schemas/${ERROR_BODY_SCHEMA}` };
  for (const [path, operation, method] of operationsOf(document)) {
    const responses = (operation.responses ??= {});
    const statuses = errorStatusesOf({
      takesBody: method !== 'get' && method !== 'head',
      hasPathParameters: path.includes('{'),
      requiresToken: Array.isArray(operation.security) && operation.security.length > 0,
      headers: new Set(
        (operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
      ),
    });
    for (const status of statuses) responses[status] ??= { description: errorDescription(status) };
    for (const [status, response] of Object.entries(responses))
      if (Number(status) >= 400 && !response.content)
        response.content = { 'application/json': { schema: errorBody } };
  }
}
