import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { enableGracefulShutdown, InfrastructureModule, jsonLogger, loadConfig } from '@dossiers/platform';
import { NotifierModule } from './notifier.module';

/** The notifier process: the mail reactor alone, without HTTP. Run one per deployment. */
async function main() {
  const config = loadConfig();
  @Module({ imports: [InfrastructureModule.forRoot(config), NotifierModule] })
  class NotifierAppModule {}

  const app = await NestFactory.createApplicationContext(NotifierAppModule, { logger: jsonLogger(config) });
  enableGracefulShutdown(app, config.shutdownTimeoutMs);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
