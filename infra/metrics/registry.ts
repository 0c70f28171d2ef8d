import { Registry, collectDefaultMetrics } from 'prom-client';
import { registerEventLoopDelay } from './event-loop-delay.ts';

/**
 * One Prometheus registry per process, made in the composition root and passed to whatever
 * exports metrics (projectors, cache, consumers), instead of prom-client's global default
 * registry: tests and several apps in one process then never share counters.
 */
export function createMetricsRegistry(options: { processMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.processMetrics) {
    collectDefaultMetrics({ register: registry, prefix: 'qm_' });
    registerEventLoopDelay(registry);
  }
  return registry;
}

export type { Registry } from 'prom-client';
