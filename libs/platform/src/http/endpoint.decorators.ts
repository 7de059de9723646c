import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { FIRM_ROLES, WRITER_ROLES, type Role } from '../auth/principal';
import { CommandInterceptor } from './command.interceptor';
import { MinPositionGuard } from './min-position.guard';

/**
 * A controller of commands: writer roles, ETag, If-Match, Idempotency-Key. Its errors follow from
 * these headers, its method and its path (errorStatusesOf, applied to the whole document).
 */
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
  );

/** A controller of queries: read models only, X-Min-Position for read-your-writes (hence its 503). */
export const QueryController = (roles: Role[] = FIRM_ROLES) =>
  applyDecorators(
    Roles(...roles),
    UseGuards(MinPositionGuard),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'wait (up to 5 s) until the read models include this position',
    }),
  );
