import type { ProjectionLagReport } from '../metrics/projection-lag';
import { projectorReadiness } from './projector-readiness';

const limits = { maxLagEvents: 100, maxLagSeconds: 30 };

function report(...behind: [projection: string, events: number, seconds: number][]): ProjectionLagReport {
  return {
    head: 1000,
    countedUpTo: 10_000,
    projections: behind.map(([projection, eventsBehind, secondsBehind]) => ({
      projection,
      position: 1000 - eventsBehind,
      eventsBehind,
      secondsBehind,
    })),
  };
}

describe('projectorReadiness', () => {
  it('is ready at the limits, and reports the projection furthest behind', () => {
    const { ready, lag } = projectorReadiness(report(['a', 10, 1], ['b', 100, 30], ['c', 100, 2]), limits);
    expect(ready).toBe(true);
    expect(lag).toEqual({
      projection: 'b',
      eventsBehind: 100,
      secondsBehind: 30,
      maxLagEvents: 100,
      maxLagSeconds: 30,
      countedUpTo: 10_000,
    });
  });

  it('is not ready one event past the limit, and says by how much', () => {
    const result = projectorReadiness(report(['a', 101, 0.5]), limits);
    expect(result.ready).toBe(false);
    expect(result.reason).toBe(
      'The read models are behind the event store: 101 events, 0.5 s (a; limits 100 events, 30 s)',
    );
  });

  it('is not ready past the seconds limit, however few the events', () => {
    const result = projectorReadiness(report(['a', 1, 30.0004], ['b', 1, 45.25]), limits);
    expect(result.ready).toBe(false);
    expect(result.lag.secondsBehind).toBe(45.25);
  });

  it('says "at least" when the count stopped at its cap', () => {
    const result = projectorReadiness({ ...report(['a', 10_000, 3]), countedUpTo: 10_000 }, limits);
    expect(result.reason).toContain('at least 10000 events');
  });

  it('is ready with no projection at all', () => {
    expect(projectorReadiness(report(), limits)).toMatchObject({
      ready: true,
      lag: { eventsBehind: 0, secondsBehind: 0 },
    });
  });
});
