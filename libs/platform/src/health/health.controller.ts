import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '@dossiers/idempotency';
import { Public } from '../auth/auth.decorators';
import { HealthResponse, NotReadyResponse, ReadyResponse } from './health.responses';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthResponse })
  health() {
    return { status: 'ok' };
  }

  /** Readiness: every store this process uses is reachable. */
  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadyResponse })
  @ApiServiceUnavailableResponse({ type: NotReadyResponse, description: 'NOT_READY: a store is unreachable' })
  async ready() {
    const checks = {
      eventStore: this.eventStore.ping(),
      readStore: this.readStore.ping(),
      idempotency: this.idempotency.ping(),
    };
    const results = await Promise.allSettled(Object.values(checks));
    const status = Object.fromEntries(
      Object.keys(checks).map((name, i) => [
        name,
        results[i].status === 'fulfilled'
          ? 'up'
          : `down: ${String((results[i] as PromiseRejectedResult).reason?.message)}`,
      ]),
    );
    if (results.some((r) => r.status === 'rejected')) {
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        message: 'A store is unreachable',
        stores: status,
      });
    }
    return { status: 'ready', stores: status };
  }
}
