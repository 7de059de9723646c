import type { Provider } from '@nestjs/common';
import type { EventStore } from '@dossiers/event-store';
import type { AppConfig } from '../config/app-config';
import { createEventStore } from '../infrastructure/stores';
import { EventStoreMetrics } from './event-store-metrics';
import { createMetricsRegistry, METRICS_REGISTRY, metricsServed } from './metrics-registry';
import { MetricsServer } from './metrics-server';

/** Every app's: its registry, the event store's metrics, and the listener of METRICS_PORT. */
export function metricsProviders(config: AppConfig): Provider[] {
  return [
    { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(config.metrics) },
    {
      provide: EventStoreMetrics,
      inject: [METRICS_REGISTRY],
      useFactory: (registry: ConstructorParameters<typeof EventStoreMetrics>[0]) =>
        new EventStoreMetrics(registry),
    },
    MetricsServer,
  ];
}

/** The app's event store: timed, and its group commits counted, when metrics are served. */
export function createMeasuredEventStore(
  config: AppConfig,
  metrics: EventStoreMetrics,
  { autoCheckpoint }: { autoCheckpoint?: boolean } = {},
): EventStore {
  if (!metricsServed(config.metrics)) return createEventStore(config, { autoCheckpoint });
  return metrics.instrument(
    createEventStore(config, { onGroupCommit: metrics.onGroupCommit, autoCheckpoint }),
  );
}
