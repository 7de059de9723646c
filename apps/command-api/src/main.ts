import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { createHttpApp, HealthController, InfrastructureModule, loadConfig } from '@dossiers/platform';
import { CommandApiModule } from './command-api.module';

async function main() {
  const config = loadConfig();
  @Module({
    imports: [InfrastructureModule.forRoot(config), CommandApiModule],
    controllers: [HealthController],
  })
  class CommandApiAppModule {}

  const app = await createHttpApp(CommandApiAppModule, config, { title: 'dossiers command API' });
  await app.listen(config.commandApiPort, '0.0.0.0');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
