import { execFile } from 'node:child_process';
import { join } from 'node:path';
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
export function orderHttpLoad(options: {
  /** One API process; or `urls`: several, the connections shared out among them. */
  url?: string;
  urls?: readonly string[];
  token: string;
  connections: number;
  seconds: number;
}): Promise<OrderLoadResult> {
  const script = join(import.meta.dirname, 'order-load.mjs');
  const args = { ...options, skus: SKUS, hotShare: HOT_SHARE, lines: 3, address: benchAddress };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, JSON.stringify(args)],
      { maxBuffer: 256 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`order load generator failed: ${stderr || error.message}`));
        const result = JSON.parse(stdout) as OrderLoadResult;
        if (result.non2xx > 0 || result.errors > 0) {
          return reject(
            new Error(
              `orders over HTTP: ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodes)}), ` +
                `${result.errors} errors, ${result.timeouts} timeouts`,
            ),
          );
        }
        resolve(result);
      },
    );
  });
}
