import { Logger, type INestApplicationContext } from '@nestjs/common';

export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];

/** What the shutdown after the HTTP drain (projector batch, workers' jobs, stores) gets at least. */
const MIN_AFTER_DRAIN_MS = 5_000;

let deadlineInstalled = false;

/**
 * Every app's shutdown, HTTP or not. On SIGTERM or SIGINT, Nest closes the app: the
 * beforeApplicationShutdown hooks; the HTTP server, which stops accepting and lets the requests in
 * flight finish (drainOnClose, bounded by SHUTDOWN_TIMEOUT_MS); then the onApplicationShutdown hook
 * of each module that owns something: the projector and the notifier finish their batch and store
 * their checkpoint, the schedulers their tick, the BullMQ workers their jobs, and the stores close
 * last (InfrastructureModule is global: Nest shuts it down after the modules that use it). The
 * process then exits 0, or 1 if a hook threw.
 *
 * A shutdown still running `timeoutMs` (at least 5 s) after the drain's bound ends the process with
 * 1: an orchestrator would kill it anyway, and 1 says it did not end cleanly.
 */
export function enableGracefulShutdown(app: INestApplicationContext, timeoutMs: number): void {
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
  // Once per process (test files build many apps); one app per process in production.
  if (deadlineInstalled) return;
  deadlineInstalled = true;
  const deadlineMs = timeoutMs + Math.max(timeoutMs, MIN_AFTER_DRAIN_MS);
  for (const signal of SHUTDOWN_SIGNALS)
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('shutdown').error({ message: `shutdown still running after ${deadlineMs} ms; exiting` });
        process.exit(1);
      }, deadlineMs).unref();
    });
}
