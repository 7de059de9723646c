import type { ReadinessConfig } from '../config/app-config';
import type { ProjectionLagReport } from '../metrics/projection-lag';

/** What /ready says of the read models' lag: the worst projection's, against the limits. */
export interface ProjectorLagState {
  /** the projection furthest behind (by events, then seconds) */
  projection: string;
  /** counted up to `countedUpTo` */
  eventsBehind: number;
  secondsBehind: number;
  maxLagEvents: number;
  maxLagSeconds: number;
  countedUpTo: number;
}

export interface ProjectorReadiness {
  ready: boolean;
  lag: ProjectorLagState;
  /** why not ready, for the 503's message */
  reason?: string;
}

/** Ready while no projection is more than READY_MAX_LAG_EVENTS events nor READY_MAX_LAG_SECONDS behind. */
export function projectorReadiness(report: ProjectionLagReport, limits: ReadinessConfig): ProjectorReadiness {
  const caughtUp = { projection: '', position: report.head, eventsBehind: 0, secondsBehind: 0 };
  const worst = report.projections.reduce(
    (a, b) =>
      b.eventsBehind > a.eventsBehind ||
      (b.eventsBehind === a.eventsBehind && b.secondsBehind > a.secondsBehind)
        ? b
        : a,
    report.projections[0] ?? caughtUp,
  );
  const eventsBehind = worst.eventsBehind;
  const secondsBehind =
    Math.round(Math.max(0, ...report.projections.map((p) => p.secondsBehind)) * 1000) / 1000;
  const lag: ProjectorLagState = {
    projection: worst.projection,
    eventsBehind,
    secondsBehind,
    maxLagEvents: limits.maxLagEvents,
    maxLagSeconds: limits.maxLagSeconds,
    countedUpTo: report.countedUpTo,
  };
  const tooMany = eventsBehind > limits.maxLagEvents;
  const tooOld = secondsBehind > limits.maxLagSeconds;
  if (!tooMany && !tooOld) return { ready: true, lag };
  const events = eventsBehind >= report.countedUpTo ? `at least ${eventsBehind}` : String(eventsBehind);
  return {
    ready: false,
    lag,
    reason:
      `The read models are behind the event store: ${events} events, ${secondsBehind} s ` +
      `(${worst.projection}; limits ${limits.maxLagEvents} events, ${limits.maxLagSeconds} s)`,
  };
}
