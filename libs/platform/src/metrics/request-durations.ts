import type { Registry } from 'prom-client';

/** From 1 ms (a cached read) to 10 s (a large export or upload). */
export const REQUEST_DURATION_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

interface Sample {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  metricName: string;
}

/** One (method, route, status): its bucket counts (not cumulative; the last one is +Inf), sum and count. */
class Series {
  readonly counts = new Float64Array(REQUEST_DURATION_BUCKETS.length + 1);
  sum = 0;
  total = 0;

  constructor(readonly labels: Readonly<Record<'method' | 'route' | 'status', string>>) {}

  observe(seconds: number): void {
    let bucket = 0;
    while (bucket < REQUEST_DURATION_BUCKETS.length && seconds > REQUEST_DURATION_BUCKETS[bucket]) bucket++;
    this.counts[bucket] += 1;
    this.sum += seconds;
    this.total += 1;
  }
}

/**
 * `http_request_duration_seconds`, the histogram every request feeds: prom-client's Histogram
 * builds a label key, validates the labels and allocates on each observation (~1.5 µs); here a
 * request walks three maps to its series and bumps two numbers, nothing allocated once the series
 * exists. prom-client's registry serialises it as it does its own metrics (the same `get()` shape).
 */
export class RequestDurations {
  readonly name = 'http_request_duration_seconds';
  readonly help =
    'HTTP requests by method, route pattern and status: time from routing to the end of the response';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly bucket = `${this.name}_bucket`;
  private readonly byRoute = new Map<string, Map<string, Map<number, Series>>>();

  constructor(registry: Registry) {
    registry.registerMetric(this as never);
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.byRoute.get(route);
    if (!byMethod) this.byRoute.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let series = byStatus.get(status);
    if (!series) byStatus.set(status, (series = new Series({ method, route, status: String(status) })));
    series.observe(seconds);
  }

  /**
   * What the registry serialises: per series, its cumulative buckets, +Inf, sum and count, with
   * the series' labels shared by its lines (as prom-client's own histogram does).
   */
  async getForPromString() {
    const values: Sample[] = [];
    for (const byMethod of this.byRoute.values())
      for (const byStatus of byMethod.values())
        for (const series of byStatus.values()) {
          const shared = series.labels;
          let cumulative = 0;
          REQUEST_DURATION_BUCKETS.forEach((le, i) => {
            cumulative += series.counts[i];
            values.push({ labels: { le }, sharedLabels: shared, value: cumulative, metricName: this.bucket });
          });
          values.push({
            labels: { le: '+Inf' },
            sharedLabels: shared,
            value: series.total,
            metricName: this.bucket,
          });
          values.push({
            labels: {},
            sharedLabels: shared,
            value: series.sum,
            metricName: `${this.name}_sum`,
          });
          values.push({
            labels: {},
            sharedLabels: shared,
            value: series.total,
            metricName: `${this.name}_count`,
          });
        }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** The same, each line's labels whole (registry.getMetricsAsJSON). */
  async get() {
    const metric = await this.getForPromString();
    return {
      ...metric,
      values: metric.values.map(({ labels, sharedLabels, ...rest }) => ({
        ...rest,
        labels: { ...sharedLabels, ...labels },
      })),
    };
  }

  reset(): void {
    this.byRoute.clear();
  }
}
