import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Aggregates, EventStreams, FoldedStateCache } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from '@dossiers/idempotency';
import { BLOB_STORE, type BlobStore } from '@dossiers/blob-store';
import { ALL_PROJECTIONS, ProjectionProgress } from '@dossiers/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CONNECTOR_CATALOG } from '../config/connector-catalog-file';
import { resolveAuthSecret } from '../auth/auth-secret';
import { TokenVerifier } from '../auth/token-verifier';
import { SECRET_BOX, SecretBox } from '../secrets/secret-box';
import { CLOCK, systemClock } from '../clock/clock';
import { resolveSecretsKey } from '../secrets/secrets-key';
import { createMeasuredEventStore, metricsProviders } from '../metrics/metrics.providers';
import { EventStoreMetrics } from '../metrics/event-store-metrics';
import { METRICS_REGISTRY } from '../metrics/metrics-registry';
import { createBlobStore, createIdempotencyStore, createReadStore, embeddedDatabases } from './stores';
import { WalCheckpointer } from './wal-checkpointer';

class StoresLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(BLOB_STORE) private readonly blobStore: BlobStore,
    private readonly checkpointer: WalCheckpointer,
  ) {}

  async onApplicationShutdown() {
    // First: the stores' own connections are then the last ones, and checkpoint what is left.
    await this.checkpointer.stop();
    await Promise.allSettled([
      this.idempotency.close(),
      this.readStore.close(),
      this.eventStore.close(),
      this.blobStore.close(),
    ]);
  }
}

/**
 * Provides the stores, the token verifier, the projection progress, the secret box and the metrics
 * registry to every app module.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      // The command and query buses (global): controllers dispatch, @CommandHandler/@QueryHandler answer.
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CONNECTOR_CATALOG, useValue: config.connectorCatalog },
        ...metricsProviders(config),
        {
          provide: EVENT_STORE,
          inject: [EventStoreMetrics],
          useFactory: (metrics: EventStoreMetrics) =>
            // The WalCheckpointer below checkpoints the embedded files, off the main thread.
            createMeasuredEventStore(config, metrics, { autoCheckpoint: false }),
        },
        // The event store as commands use it, with the process's cache of folded states: commands on
        // long streams fold only the events appended since the last one (see EventStreams.load).
        {
          provide: EventStreams,
          inject: [EVENT_STORE],
          useFactory: (eventStore: EventStore) => new EventStreams(eventStore, new FoldedStateCache()),
        },
        {
          provide: Aggregates,
          inject: [EventStreams],
          useFactory: (streams: EventStreams) => new Aggregates(streams),
        },
        { provide: READ_STORE, useFactory: () => createReadStore(config, { autoCheckpoint: false }) },
        // Once both stores have created their files (it opens them).
        {
          provide: WalCheckpointer,
          inject: [EVENT_STORE, READ_STORE],
          useFactory: () => WalCheckpointer.start(embeddedDatabases(config)),
        },
        { provide: IDEMPOTENCY_STORE, useFactory: () => createIdempotencyStore(config) },
        { provide: BLOB_STORE, useFactory: () => createBlobStore(config) },
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier(
              config.auth.jwksUrl
                ? { jwksUrl: config.auth.jwksUrl, ...trustOf(config) }
                : { secret: resolveAuthSecret(config.auth.secret, config.dataDir), ...trustOf(config) },
            ),
        },
        {
          provide: ProjectionProgress,
          inject: [READ_STORE, EVENT_STORE],
          useFactory: (readStore: ReadStore, eventStore: EventStore) =>
            new ProjectionProgress(readStore, ALL_PROJECTIONS, undefined, () => eventStore.headPosition()),
        },
        {
          provide: SECRET_BOX,
          useFactory: () => new SecretBox(resolveSecretsKey(config.secretsKey, config.dataDir)),
        },
        { provide: CLOCK, useFactory: systemClock },
        StoresLifecycle,
      ],
      exports: [
        APP_CONFIG,
        CONNECTOR_CATALOG,
        EVENT_STORE,
        EventStreams,
        Aggregates,
        READ_STORE,
        IDEMPOTENCY_STORE,
        BLOB_STORE,
        TokenVerifier,
        ProjectionProgress,
        SECRET_BOX,
        CLOCK,
        METRICS_REGISTRY,
      ],
    };
  }
}

/** What every token is checked against, whoever signs it. */
const trustOf = ({ auth: { issuer, audience, limits } }: AppConfig) => ({ issuer, audience, limits });
