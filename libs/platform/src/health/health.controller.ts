import { Controller, Get, HttpCode, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '@dossiers/idempotency';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProjectionLag } from '../metrics/projection-lag';
import { HealthResponse, NotReadyResponse, ReadyResponse } from './health.responses';
import { projectorReadiness, type ProjectorLagState } from './projector-readiness';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Present where the process serves reads (its root module sees ProjectionLagModule, exported by
    // the query API): its answers are only as fresh as the read models. The command API has none:
    // taking writes out of service would not help a lagging projector.
    @Optional() private readonly projectionLag?: ProjectionLag,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @ApiOkResponse({ type: HealthResponse })
  health() {
    return { status: 'ok' };
  }

  /**
   * Readiness: every store this process uses is reachable and, where it serves reads, the read
   * models are within READY_MAX_LAG_EVENTS / READY_MAX_LAG_SECONDS of the event store.
   */
  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({ type: ReadyResponse })
  @ApiServiceUnavailableResponse({
    type: NotReadyResponse,
    description: 'NOT_READY: a store is unreachable, or the read models lag too far behind',
  })
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
    if (!this.projectionLag) return { status: 'ready', stores: status };
    const { ready, lag, reason } = await this.projectorState(this.projectionLag);
    if (!ready)
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        message: reason,
        stores: status,
        projector: lag,
      });
    return { status: 'ready', stores: status, projector: lag };
  }

  private async projectorState(projectionLag: ProjectionLag) {
    try {
      return projectorReadiness(await projectionLag.measure(), this.config.readiness);
    } catch (error) {
      const reason = `The read models' lag cannot be measured: ${String((error as Error)?.message)}`;
      return { ready: false, reason, lag: undefined as ProjectorLagState | undefined };
    }
  }
}
