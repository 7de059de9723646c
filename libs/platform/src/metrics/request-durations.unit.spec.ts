import { Histogram, Registry } from 'prom-client';
import { REQUEST_DURATION_BUCKETS, RequestDurations } from './request-durations';

describe('RequestDurations', () => {
  const observations: [string, string, number, number][] = [
    ['GET', '/clients/:id', 200, 0.0004],
    ['GET', '/clients/:id', 200, 0.001],
    ['GET', '/clients/:id', 200, 0.0031],
    ['GET', '/clients/:id', 404, 12],
    ['POST', '/clients', 201, 0.04],
  ];

  it('serialises exactly as prom-client`s own histogram with the same observations', async () => {
    const ours = new Registry();
    const durations = new RequestDurations(ours);
    const theirs = new Registry();
    const reference = new Histogram({
      name: durations.name,
      help: durations.help,
      labelNames: ['method', 'route', 'status'],
      buckets: REQUEST_DURATION_BUCKETS,
      registers: [theirs],
    });
    for (const [method, route, status, seconds] of observations) {
      durations.observe(method, route, status, seconds);
      reference.observe({ method, route, status: String(status) }, seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // (exemplars apart: this histogram has none)
    const withoutExemplars = (metrics: Awaited<ReturnType<Registry['getMetricsAsJSON']>>) =>
      metrics.map((metric) => ({
        ...metric,
        values: metric.values.map(({ labels, value, ...rest }) => ({
          labels,
          value,
          metricName: (rest as { metricName?: string }).metricName,
        })),
      }));
    expect(withoutExemplars(await ours.getMetricsAsJSON())).toEqual(
      withoutExemplars(await theirs.getMetricsAsJSON()),
    );
  });

  it('forgets its series on reset', async () => {
    const registry = new Registry();
    const durations = new RequestDurations(registry);
    durations.observe('GET', '/ready', 200, 0.002);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('route="/ready"');
  });
});
