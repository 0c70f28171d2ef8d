import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Metric {
  value: number;
  unit: string;
  /** What `ratio` compares against: a figure measured in the same run on the same machine. */
  baseline?: string;
  ratio?: number;
  /** What the figure depends on that the reader must know (a login's hash cost, say). */
  note?: string;
}

export interface BenchResult {
  suite: string;
  at: string;
  backend?: string;
  metrics: Record<string, Metric>;
  notes?: string[];
}

const round = (value: number) => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);

/** Writes `bench/results/<suite>[-<backend>].json` (the format in docs/architecture.md) and prints a table. */
export function writeResult(result: BenchResult): string {
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, result.backend ? `${result.suite}-${result.backend}.json` : `${result.suite}.json`);
  const metrics = Object.fromEntries(
    Object.entries(result.metrics).map(([key, metric]) => [
      key,
      {
        ...metric,
        value: round(metric.value),
        ...(metric.ratio === undefined ? {} : { ratio: round(metric.ratio) }),
      },
    ]),
  );
  writeFileSync(file, `${JSON.stringify({ ...result, metrics }, null, 2)}\n`);
  console.log(`\n${result.suite}${result.backend ? ` on ${result.backend}` : ''}`);
  console.table(
    Object.fromEntries(
      Object.entries(metrics).map(([key, m]) => [
        key,
        { value: m.value, unit: m.unit, ratio: m.ratio ?? '', baseline: m.baseline ?? '' },
      ]),
    ),
  );
  console.log(`written to ${file}`);
  return file;
}

/** `value` against `baseline` as a metric with its ratio. */
export function versus(value: number, unit: string, baselineName: string, baselineValue: number): Metric {
  return { value, unit, baseline: baselineName, ratio: baselineValue > 0 ? value / baselineValue : 0 };
}
