import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { enableGracefulShutdown, jsonLogger, loadConfig } from '@dossiers/platform';
import { ReminderWorkerModule } from './reminder-worker.module';

/**
 * The reminder worker process, without HTTP: enqueues the reminder occurrences falling due and
 * sends them, on BullMQ (REDIS_URL required). Run as many as needed; none sends one twice.
 */
async function main() {
  const config = loadConfig();
  if (!config.redisUrl) throw new Error('REDIS_URL must be set: the reminder worker runs on BullMQ');
  const app = await NestFactory.createApplicationContext(ReminderWorkerModule.forRoot(config), {
    logger: jsonLogger(config),
  });
  enableGracefulShutdown(app, config.shutdownTimeoutMs);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
