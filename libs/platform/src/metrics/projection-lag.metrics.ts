import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';
import { ProjectionLag, type ProjectionLagReport } from './projection-lag';

/**
 * Per projection, measured when scraped: its position, and how far it is behind the head. A
 * failed measurement (a store down) leaves the gauges empty rather than failing the whole scrape:
 * process metrics still tell what is going on.
 */
@Injectable()
export class ProjectionLagMetrics {
  private readonly logger = new Logger('metrics');

  constructor(@Inject(METRICS_REGISTRY) registry: Registry, lag: ProjectionLag) {
    const measure = async (): Promise<ProjectionLagReport | undefined> => {
      try {
        return await lag.measure();
      } catch (error) {
        this.logger.warn({ message: 'projection lag not measured', err: String(error) });
        return undefined;
      }
    };
    new Gauge({
      name: 'dossiers_event_store_head_position',
      help: 'Position of the newest event in the event store',
      registers: [registry],
      async collect() {
        const report = await measure();
        this.reset();
        if (report) this.set(report.head);
      },
    });
    const perProjection = (
      name: string,
      help: string,
      value: (entry: ProjectionLagReport['projections'][number]) => number,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [registry],
        async collect() {
          const report = await measure();
          this.reset();
          for (const entry of report?.projections ?? [])
            this.set({ projection: entry.projection }, value(entry));
        },
      });
    perProjection(
      'dossiers_projection_position',
      'Position of the last event in the projection (its checkpoint)',
      (entry) => entry.position,
    );
    perProjection(
      'dossiers_projection_events_behind',
      `Events stored after the projection's checkpoint (counted up to ${lag.countedUpTo})`,
      (entry) => entry.eventsBehind,
    );
    perProjection(
      'dossiers_projection_seconds_behind',
      'Age of the oldest event not yet in the projection (0 when caught up)',
      (entry) => entry.secondsBehind,
    );
  }
}
