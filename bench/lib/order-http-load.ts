import { join } from 'node:path';
import { runLoadProcess } from './load-process.ts';
import { HOT_SHARE, SKUS, benchAddress } from './bench-shop.ts';

export interface OrderLoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** [consistency token, epoch ms of the answer] for every 201. */
  samples: [string, number][];
}

/**
 * POSTs 3-line orders to `url` for `seconds` from a second process (bench/lib/order-load.mjs,
 * autocannon), each with a fresh Idempotency-Key and the customer's JWT. Fails when an answer was
 * not a 2xx: a fast error is not a result.
 */
export async function orderHttpLoad(options: {
  /** One API process; or `urls`: several, the connections shared out among them. */
  url?: string;
  urls?: readonly string[];
  token: string;
  connections: number;
  seconds: number;
}): Promise<OrderLoadResult> {
  const script = join(import.meta.dirname, 'order-load.mjs');
  const args = { ...options, skus: SKUS, hotShare: HOT_SHARE, lines: 3, address: benchAddress };
  const result = await runLoadProcess<OrderLoadResult>(script, args, 'order load generator');
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `orders over HTTP: ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodes)}), ` +
        `${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return result;
}
