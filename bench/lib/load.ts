import { SingleBar, Presets } from 'cli-progress';

export interface LoadResult {
  operations: number;
  units: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/**
 * Runs `workers` concurrent loops of `operation` for `seconds`, with a progress bar. Each operation
 * returns how many units it did (events, rows); latencies are kept per operation.
 */
export async function runLoad(
  label: string,
  options: { workers: number; seconds: number },
  operation: (worker: number, iteration: number) => Promise<number>,
): Promise<LoadResult> {
  const bar = new SingleBar(
    { format: `${label.padEnd(28)} [{bar}] {percentage}% | {units} units | {rate}/s`, hideCursor: true },
    Presets.shades_classic,
  );
  const totalMs = options.seconds * 1000;
  let units = 0;
  let operations = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + totalMs;
  bar.start(100, 0, { units: 0, rate: 0 });
  const ticker = setInterval(() => {
    const elapsed = performance.now() - started;
    bar.update(Math.min(100, Math.round((elapsed / totalMs) * 100)), {
      units,
      rate: Math.round(units / (elapsed / 1000)),
    });
  }, 200);
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        const begun = performance.now();
        // Await first, then add: `units += await ...` reads `units` before awaiting, and concurrent
        // workers would overwrite each other's counts.
        const done = await operation(worker, iteration);
        units += done;
        latenciesMs.push(performance.now() - begun);
        operations++;
      }
    }),
  );
  clearInterval(ticker);
  const seconds = (performance.now() - started) / 1000;
  bar.update(100, { units, rate: Math.round(units / seconds) });
  bar.stop();
  return { operations, units, seconds, perSecond: units / seconds, latenciesMs };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
