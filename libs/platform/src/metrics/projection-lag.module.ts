import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { ALL_PROJECTIONS } from '@dossiers/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../clock/clock';
import { countEventsUpTo, ProjectionLag } from './projection-lag';
import { ProjectionLagMetrics } from './projection-lag.metrics';

/**
 * The read models' lag behind the event store, and its gauges. Imported by the apps that make or
 * serve the read models (the projector, the query API); one module, so the standalone process
 * registers the gauges once. Whoever exports it on to a root module gives that process's /ready
 * the lag check (see HealthController).
 */
@Module({
  providers: [
    {
      provide: ProjectionLag,
      inject: [EVENT_STORE, READ_STORE, CLOCK, APP_CONFIG],
      useFactory: (eventStore: EventStore, readStore: ReadStore, clock: Clock, config: AppConfig) =>
        new ProjectionLag(
          eventStore,
          readStore,
          ALL_PROJECTIONS.map((projection) => projection.name),
          clock,
          countEventsUpTo(config.readiness.maxLagEvents),
        ),
    },
    ProjectionLagMetrics,
  ],
  exports: [ProjectionLag],
})
export class ProjectionLagModule {}
