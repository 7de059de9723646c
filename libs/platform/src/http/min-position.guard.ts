import {
  Injectable,
  ServiceUnavailableException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ValidationError } from '@dossiers/domain';
import { ProjectionProgress } from '@dossiers/read-models';
import type { FastifyReply } from 'fastify';
import type { HttpRequest } from './request-context';

export const MIN_POSITION_TIMEOUT_MS = 5000;

/**
 * Read-your-writes: a query sent with `X-Min-Position: <position from a command response>` waits
 * until the read models include it, up to 5 s, then answers 503 PROJECTION_BEHIND. The wait goes
 * back as `Server-Timing: min-position;dur=<ms>`: what read-your-writes cost this request. A
 * position past the event store's last one is a 400 at once.
 *
 * A guard rather than an interceptor: it only has to hold the request back, and Nest wraps each
 * interceptor of a route in an rxjs pipeline and an AsyncResource on every request, which cost a
 * tenth of a small query's time (BENCHMARKS.md, (i)) whether the header is sent or not.
 */
@Injectable()
export class MinPositionGuard implements CanActivate {
  private readonly timeoutMs = MIN_POSITION_TIMEOUT_MS;

  constructor(private readonly progress: ProjectionProgress) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const http = context.switchToHttp();
    const header = http.getRequest<HttpRequest>().headers['x-min-position'];
    if (header === undefined) return true;
    const position = /^\d{1,15}$/.test(String(header)) ? Number(header) : Number.NaN;
    if (Number.isNaN(position)) {
      throw new ValidationError([
        { field: 'X-Min-Position', message: 'must be a non-negative integer position' },
      ]);
    }
    return this.wait(position, http.getResponse<FastifyReply>());
  }

  private async wait(position: number, reply: FastifyReply): Promise<boolean> {
    const start = performance.now();
    // A position no command returned would hold the request the whole timeout for nothing.
    if ((await this.progress.position()) < position && !(await this.progress.recorded(position))) {
      throw new ValidationError([
        {
          field: 'X-Min-Position',
          message: 'is past the last recorded event: send a position a command returned',
        },
      ]);
    }
    const reached = await this.progress.waitFor(position, this.timeoutMs);
    void reply.header('server-timing', `min-position;dur=${(performance.now() - start).toFixed(1)}`);
    if (!reached) {
      throw new ServiceUnavailableException({
        code: 'PROJECTION_BEHIND',
        message: `The read models have not reached position ${position} yet; retry`,
      });
    }
    return true;
  }
}
