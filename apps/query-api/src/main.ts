import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createHttpApp, HealthController, InfrastructureModule, loadConfig } from '@dossiers/platform';
import { QueryApiModule } from './query-api.module';

async function main() {
  const config = loadConfig();
  @Module({
    imports: [InfrastructureModule.forRoot(config), QueryApiModule],
    controllers: [HealthController],
  })
  class QueryApiAppModule {}

  const app = await createHttpApp(QueryApiAppModule, config, { title: 'dossiers query API' });
  await app.listen(config.queryApiPort, '0.0.0.0');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
