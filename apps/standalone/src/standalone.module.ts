import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController, InfrastructureModule, type AppConfig } from '@dossiers/platform';
import { CommandApiModule } from '../../command-api/src/command-api.module';
import { QueryApiModule } from '../../query-api/src/query-api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { NotifierModule } from '../../notifier/src/notifier.module';

/**
 * The composition root of the embedded default: command API (with the embedded reminder
 * scheduler), query API, projector and notifier in one process; with REDIS_URL, a reminder worker too.
 */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        InfrastructureModule.forRoot(config),
        CommandApiModule,
        QueryApiModule,
        ProjectorModule,
        NotifierModule,
        // With Redis, reminders go through BullMQ (the embedded scheduler stands aside). Without, the
        // module is not even loaded: BullMQ and its client weigh ~15 MB of the process's memory.
        ...(config.redisUrl
          ? [
              import('../../command-api/src/due-work-queue.module').then(({ DueWorkQueueModule }) =>
                DueWorkQueueModule.fromConfig(config),
              ),
            ]
          : []),
      ],
      controllers: [HealthController],
    };
  }
}
