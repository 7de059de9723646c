/**
 * Where an adapter reports what no caller is there to hear: a dropped connection it is resuming, a
 * subscription whose handler failed when no onError was given. The composition root passes the
 * app's logger (Nest's Logger fits); without one, they go to Node's process warnings (stderr).
 */
export interface EventStoreLogger {
  warn(message: string): void;
  error(message: string, trace?: string): void;
}

export const PROCESS_WARNINGS: EventStoreLogger = {
  warn: (message) => process.emitWarning(message, 'EventStoreWarning'),
  error: (message, trace) => process.emitWarning(trace ? `${message}\n${trace}` : message, 'EventStoreError'),
};

/** The default onError: a subscription that dies silently leaves a projection stale without anyone knowing. */
export const reportSubscriptionErrorTo =
  (logger: EventStoreLogger) =>
  (error: unknown): void =>
    logger.error(
      'Subscription stopped: its handler failed and no onError was given',
      error instanceof Error ? error.stack : String(error),
    );
