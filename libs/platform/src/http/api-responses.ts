import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';

/** One problem of a request: the field it is about (`contacts.1.email`) and, in the wizard, its step. */
@ApiSchema({ name: 'FieldError' })
export class FieldErrorSchema {
  @ApiProperty({ example: 'contacts.1.email' })
  field!: string;
  @ApiProperty({ example: 'must be an email address' })
  message!: string;
  @ApiPropertyOptional({
    enum: ['info', 'contacts', 'collaborators', 'tree', 'connectors', 'form'],
    description: "the creation wizard's step the field belongs to",
  })
  step?: string;
}

/** The name of the error shape in the OpenAPI document. */
export const ERROR_BODY_SCHEMA = 'ErrorBody';

/** Every error the API answers (error-response.filter.ts): a stable code, a message, and for 400/409 the fields. */
@ApiSchema({ name: ERROR_BODY_SCHEMA })
export class ErrorBodySchema {
  @ApiProperty({ example: 'VALIDATION', description: 'stable: VALIDATION, CLIENT_NOT_FOUND, …' })
  code!: string;
  @ApiProperty({ example: 'The request is invalid' })
  message!: string;
  @ApiPropertyOptional({
    type: [FieldErrorSchema],
    description: 'for a 400 VALIDATION (or a 409 naming fields)',
  })
  errors?: FieldErrorSchema[];
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION (with `errors`), a malformed body or header',
  401: 'UNAUTHENTICATED or INVALID_TOKEN: no valid bearer token',
  403: 'FORBIDDEN: the role or the rights do not allow it',
  404: '*_NOT_FOUND: absent, or not visible to the caller',
  409: 'a conflict: a name or email taken, a concurrent change',
  410: 'ACTIVATION_TOKEN_USED or ACTIVATION_TOKEN_EXPIRED',
  412: 'PRECONDITION_FAILED: If-Match does not hold',
  413: 'PAYLOAD_TOO_LARGE (a body past MAX_BODY_BYTES, a file past MAX_UPLOAD_MB) or APPEND_TOO_LARGE (a change recording too much at once)',
  414: 'URI_TOO_LONG: a path parameter is too long',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'a rule violation, with a stable code',
  429: "RATE_LIMITED: past the principal's or the tenant's limit; Retry-After says when to call again",
  500: 'INTERNAL: an unexpected failure, logged with the correlation id',
  503: 'PROJECTION_BEHIND: X-Min-Position not reached within 5 s',
};

export const errorDescription = (status: number) => ERROR_DESCRIPTIONS[status] ?? 'an error';

/** The error statuses a route may answer, each with the shared `ErrorBody` shape. */
export const ApiErrorResponses = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, type: ErrorBodySchema, description: errorDescription(status) }),
    ),
  );

/** What the document knows of an operation, from which the errors it may answer follow. */
export interface OperationFacts {
  /** GET and HEAD bodies are never read (Fastify), so only the other methods parse one. */
  takesBody: boolean;
  hasPathParameters: boolean;
  requiresToken: boolean;
  /** its header parameters, lower-cased: If-Match and Idempotency-Key on commands, X-Min-Position on queries */
  headers: Set<string>;
}

/**
 * The error statuses an operation may answer, from what it is rather than from a list per route
 * (create-http-app.ts, the guards, pipes and interceptors):
 * - any: 400 (a malformed X-Correlation-Id or X-Causation-Id), 415 (a body that is not JSON, not
 *   multipart on an upload: checked whatever the method), 500;
 * - a body (every method but GET): 413 past MAX_BODY_BYTES or MAX_UPLOAD_MB; and, since only
 *   commands take one, what a decision may refuse: 404 (an id in the body names nothing), 409, 422;
 * - path parameters: 404 (an id that names nothing) and 414 (a parameter past the router's limit);
 * - a token: 401 without a valid one, 403 when the role or the rights do not allow it;
 * - If-Match: 412 when it does not hold; Idempotency-Key: 422 when it is reused for another request;
 * - X-Min-Position: 503 when the read models do not reach it in time.
 * A route documents what only it answers (410, 416) itself.
 */
export function errorStatusesOf(facts: OperationFacts): number[] {
  const statuses = new Set([400, 415, 500]);
  const add = (when: boolean, ...more: number[]) => when && more.forEach((status) => statuses.add(status));
  add(facts.takesBody, 404, 409, 413, 422);
  add(facts.hasPathParameters, 404, 414);
  add(facts.requiresToken, 401, 403);
  add(facts.headers.has('if-match'), 412);
  add(facts.headers.has('idempotency-key'), 422);
  add(facts.headers.has('x-min-position'), 503);
  return [...statuses].sort((a, b) => a - b);
}
