import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { FIRM_ROLES, WRITER_ROLES, type Role } from '../auth/principal';
import { CommandInterceptor } from './command.interceptor';
import { MinPositionInterceptor } from './min-position.interceptor';
import { ApiErrorResponses, COMMAND_ERROR_STATUSES, QUERY_ERROR_STATUSES } from './api-responses';

/** A controller of commands: writer roles, ETag, If-Match, Idempotency-Key; its errors in the ErrorBody shape. */
export const CommandController = (roles: Role[] = WRITER_ROLES) =>
  applyDecorators(
    Roles(...roles),
    UseInterceptors(CommandInterceptor),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag (revision) the change is based on; 412 if it moved on',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'a retry with the same key returns the first response and appends nothing',
    }),
    ApiErrorResponses(...COMMAND_ERROR_STATUSES),
  );

/** A controller of queries: read models only, X-Min-Position for read-your-writes; its errors in the ErrorBody shape. */
export const QueryController = (roles: Role[] = FIRM_ROLES) =>
  applyDecorators(
    Roles(...roles),
    UseInterceptors(MinPositionInterceptor),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'wait (up to 5 s) until the read models include this position',
    }),
    ApiErrorResponses(...QUERY_ERROR_STATUSES),
  );
