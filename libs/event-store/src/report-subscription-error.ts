import { Logger } from '@nestjs/common';

const logger = new Logger('EventStoreSubscription');

/** The default onError: a subscription that dies silently leaves a projection stale without anyone knowing. */
export function reportSubscriptionError(error: unknown): void {
  logger.error(
    'Subscription stopped: its handler failed and no onError was given',
    error instanceof Error ? error.stack : String(error),
  );
}
