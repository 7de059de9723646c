import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { enableGracefulShutdown, InfrastructureModule, jsonLogger, loadConfig } from '@dossiers/platform';
import { ProjectorModule } from './projector.module';

async function main() {
  const config = loadConfig();
  @Module({ imports: [InfrastructureModule.forRoot(config), ProjectorModule] })
  class ProjectorAppModule {}

  const app = await NestFactory.createApplicationContext(ProjectorAppModule, { logger: jsonLogger(config) });
  enableGracefulShutdown(app, config.shutdownTimeoutMs);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
