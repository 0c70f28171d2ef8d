import { join } from 'node:path';
import { runLoadProcess } from './load-process.ts';

export interface HttpLoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  /** 99th percentile latency, ms. */
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * Drives `url` with autocannon from a second Node process (bench/lib/http-load.mjs), cycling
 * through `paths` (and `bodies`, when given), and returns its figures. Fails when any answer was not a 2xx: a fast error is
 * not a result.
 */
export async function httpLoad(options: {
  url: string;
  paths: readonly string[];
  connections: number;
  seconds: number;
  /** For requests with a body (a login): the method, the bodies taken in turn, and headers. */
  method?: 'POST' | 'PUT';
  bodies?: readonly string[];
  headers?: Record<string, string>;
}): Promise<HttpLoadResult> {
  const script = join(import.meta.dirname, 'http-load.mjs');
  const result = await runLoadProcess<HttpLoadResult>(script, options, 'load generator');
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`load on ${options.paths[0]}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}
