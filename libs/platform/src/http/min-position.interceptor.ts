import {
  Injectable,
  ServiceUnavailableException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ValidationError } from '@dossiers/domain';
import { ProjectionProgress } from '@dossiers/read-models';
import { from, switchMap, type Observable } from 'rxjs';
import type { HttpRequest } from './request-context';

export const MIN_POSITION_TIMEOUT_MS = 5000;

/**
 * Read-your-writes: a query sent with `X-Min-Position: <position from a command response>` waits
 * until the read models include it, up to 5 s, then answers 503 PROJECTION_BEHIND.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  private readonly timeoutMs = MIN_POSITION_TIMEOUT_MS;

  constructor(private readonly progress: ProjectionProgress) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const header = context.switchToHttp().getRequest<HttpRequest>().headers['x-min-position'];
    if (header === undefined) return next.handle();
    const position = /^\d{1,15}$/.test(String(header)) ? Number(header) : Number.NaN;
    if (Number.isNaN(position)) {
      throw new ValidationError([
        { field: 'X-Min-Position', message: 'must be a non-negative integer position' },
      ]);
    }
    return from(this.progress.waitFor(position, this.timeoutMs)).pipe(
      switchMap((reached) => {
        if (!reached) {
          throw new ServiceUnavailableException({
            code: 'PROJECTION_BEHIND',
            message: `The read models have not reached position ${position} yet; retry`,
          });
        }
        return next.handle();
      }),
    );
  }
}
