import { collectDefaultMetrics, Registry } from 'prom-client';
import type { MetricsConfig } from '../config/app-config';

/** The app's own registry: prom-client's global one would be state shared by every app of a process (tests). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** Is GET /metrics served at all? When not, nothing is measured either (no hook, no wrapper, no collector). */
export function metricsServed(config: MetricsConfig): boolean {
  return config.port !== undefined || config.token !== undefined;
}

/** Process and event-loop metrics (prom-client's default ones) are collected only when served. */
export function createMetricsRegistry(config: MetricsConfig): Registry {
  const registry = new Registry();
  if (metricsServed(config)) collectDefaultMetrics({ register: registry });
  return registry;
}
