import { Module, type DynamicModule } from '@nestjs/common';
import { InfrastructureModule, type AppConfig } from '@dossiers/platform';
import { DueWorkQueueModule, type DueWorkQueueOptions } from '../../command-api/src/due-work-queue.module';

/**
 * The reminder worker: the stores, and the BullMQ scheduler and worker of the due work (reminder
 * occurrences) with the command handlers they run. Several may run at once.
 */
@Module({})
export class ReminderWorkerModule {
  static forRoot(config: AppConfig, overrides: Partial<DueWorkQueueOptions> = {}): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [InfrastructureModule.forRoot(config), DueWorkQueueModule.fromConfig(config, overrides)],
    };
  }
}
