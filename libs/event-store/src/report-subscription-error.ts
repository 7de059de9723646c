/** The default onError: a subscription that dies silently leaves a projection stale without anyone knowing. */
export function reportSubscriptionError(error: unknown): void {
  console.error('Event store subscription stopped: its handler failed and no onError was given', error);
}
