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
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG: a path parameter is too long',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  422: 'a rule violation, with a stable code',
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

/**
 * What every route may answer, public ones included, from the checks every request goes through
 * before its route (create-http-app.ts): 400 for a malformed X-Correlation-Id or X-Causation-Id,
 * 413 for a body past MAX_BODY_BYTES, 415 for a body that is not JSON (not multipart on an
 * upload); and 500 for the unexpected.
 */
export const ANY_ROUTE_ERROR_STATUSES = [400, 413, 415, 500];
/** What a route with path parameters may answer besides: 414 for a parameter past the router's limit. */
export const PATH_PARAMETER_ERROR_STATUSES = [414];

/** What any command may answer besides success (401 and 403 only matter where a token is required). */
export const COMMAND_ERROR_STATUSES = [400, 401, 403, 404, 409, 412, 413, 415, 422, 500];
/** What any query may answer besides success. */
export const QUERY_ERROR_STATUSES = [400, 401, 403, 404, 500, 503];
