import { Module, type DynamicModule } from '@nestjs/common';
import { HealthController, InfrastructureModule, type AppConfig } from '@dossiers/platform';
import { CommandApiModule } from '../../command-api/src/command-api.module';
import { QueryApiModule } from '../../query-api/src/query-api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { NotifierModule } from '../../notifier/src/notifier.module';

/** The composition root of the embedded default: command API, query API, projector and notifier in one process. */
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
      ],
      controllers: [HealthController],
    };
  }
}
