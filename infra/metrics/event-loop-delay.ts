import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';

/** The quantiles reported, as Prometheus summaries label them. */
const QUANTILES = [0.5, 0.9, 0.99] as const;

/**
 * `qm_event_loop_delay_seconds{quantile}`: how late timers ran on this process's event loop, from
 * Node's own sampler (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution), as p50, p90, p99 and
 * max since the previous scrape. A blocked loop delays every request of both APIs at once, and
 * shows here before it shows in the request durations.
 *
 * Each scrape reads and resets the sampler (as prom-client's own `nodejs_eventloop_lag_*` does),
 * so the figures cover the interval between scrapes.
 */
export function registerEventLoopDelay(registry: Registry): void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  new Gauge({
    name: 'qm_event_loop_delay_seconds',
    help: 'Event-loop delay since the previous scrape, by quantile (and max), in seconds',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      // Nanoseconds; NaN before the first sample.
      const seconds = (ns: number) => (Number.isFinite(ns) ? ns / 1e9 : 0);
      for (const q of QUANTILES) this.set({ quantile: String(q) }, seconds(histogram.percentile(q * 100)));
      this.set({ quantile: 'max' }, seconds(histogram.max));
      histogram.reset();
    },
  });
}
