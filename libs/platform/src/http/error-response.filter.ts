import { HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ConflictError, DomainError, ValidationError, type DomainErrorKind } from '@dossiers/domain';
import { AppendTooLargeError, WrongExpectedVersionError } from '@dossiers/event-store';
import { BlobTooLargeError } from '@dossiers/blob-store';
import { PayloadTooLargeError } from './files/payload-too-large.error';
import { JsonNotAnObjectError, JsonTooDeepError, JsonTooLargeError } from './json-body';
import type { FastifyReply, FastifyRequest } from 'fastify';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  gone: HttpStatus.GONE,
  forbidden: HttpStatus.FORBIDDEN,
};

export interface ErrorBody {
  code: string;
  message: string;
  errors?: { field: string; message: string; step?: string }[];
}

/** The one place where errors become HTTP responses: `{code, message, errors?}`, never a stack. */
export function toErrorResponse(
  error: unknown,
  request: { headers: FastifyRequest['headers'] },
): { status: number; body: ErrorBody } {
  if (error instanceof ValidationError) {
    return {
      status: 400,
      body: { code: 'VALIDATION', message: 'The request is invalid', errors: error.errors },
    };
  }
  if (error instanceof ConflictError && error.errors.length > 0) {
    return { status: 409, body: { code: error.code, message: error.message, errors: error.errors } };
  }
  if (error instanceof DomainError) {
    return { status: STATUS_BY_KIND[error.kind], body: { code: error.code, message: error.message } };
  }
  if (error instanceof WrongExpectedVersionError) {
    // With If-Match the caller stated a precondition (412); otherwise it is a plain conflict (409).
    return request.headers['if-match']
      ? {
          status: 412,
          body: {
            code: 'PRECONDITION_FAILED',
            // No revision in the message: members are not told a stream's revision (see ClientAccess.revisionFor).
            message:
              error.actual < 0
                ? 'If-Match cannot hold: the resource does not exist'
                : 'The resource has changed since the revision in If-Match',
          },
        }
      : {
          status: 409,
          body: { code: 'CONCURRENCY_CONFLICT', message: 'The resource was changed concurrently; retry' },
        };
  }
  if (error instanceof AppendTooLargeError) {
    // Not the store's message: it names the stream, which is not the caller's vocabulary.
    const message = `The change would record ${error.bytes} bytes, over the limit of ${error.limit}: make it in smaller steps`;
    return { status: 413, body: { code: error.code, message } };
  }
  if (error instanceof PayloadTooLargeError || error instanceof BlobTooLargeError) {
    // An upload past MAX_UPLOAD_MB, caught by the multipart parser or by the blob store.
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: error.message } };
  }
  if (error instanceof JsonTooDeepError || error instanceof JsonTooLargeError) {
    return { status: 400, body: { code: error.code, message: error.message } };
  }
  if (error instanceof JsonNotAnObjectError) {
    return {
      status: 400,
      body: { code: error.code, message: 'The request is invalid', errors: error.errors },
    };
  }
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const body =
      typeof response === 'object' && response && 'code' in response ? (response as ErrorBody) : undefined;
    return {
      status: error.getStatus(),
      body: body ?? { code: HttpStatus[error.getStatus()] ?? 'ERROR', message: error.message },
    };
  }
  // Fastify's own errors (malformed JSON, body too large, bad content type) carry a 4xx status.
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const code =
      statusCode === 413
        ? 'PAYLOAD_TOO_LARGE'
        : statusCode === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : 'BAD_REQUEST';
    return { status: statusCode, body: { code, message: (error as Error).message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal error' } };
}

export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toErrorResponse(error, request);
    if (status >= 500)
      this.logger.error({ correlationId: request.id, err: String((error as Error)?.stack ?? error) });
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
