import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run test:soak`: the concurrency properties and the load tests, much deeper than `npm test`
 * runs them, on the real services (PostgreSQL first of all). Not part of `npm test` or CI: a full
 * pass takes a long while. Every property reads `QM_PROPERTY_RUNS` (see property-runs.ts); the load
 * tests read `QM_SOAK`. Extra arguments go to vitest (e.g. `-t postgres`).
 */
const files = [
  // Never oversells under random concurrent placements, cancellations, expiries and shipments.
  'commands/orders/no-oversell.property.int.test.ts',
  // Concurrent cart checkouts racing for the last units never oversell (docs/carts.md).
  'commands/carts/checkout-no-oversell.property.int.test.ts',
  // Concurrent checkout holds starting, changing, expiring and converting never oversell, and every
  // expired hold is released by the scheduler (docs/carts.md).
  'commands/carts/holds-no-oversell.property.int.test.ts',
  // Concurrent coupon and flash-sale orders, cancellations and expiries never over-redeem (docs/promotions.md).
  'commands/promotions/no-over-redemption.property.int.test.ts',
  'commands/promotions/redemption-limits.property.int.test.ts',
  // Receipts, backorders and cancellations in random order fill first in first out, never more
  // than arrived (docs/after-sale.md).
  'commands/inventory/backorder-fifo.property.int.test.ts',
  // Concurrent returns and refunds on one order never refund more than was captured.
  'commands/returns/no-over-refund.property.int.test.ts',
  // Concurrent placements, edits, partial cancellations, fulfilment, returns (restocked and written
  // off) and receipts: stock and money reconcile exactly from the streams (docs/after-sale.md).
  'commands/returns/after-sale-reconciles.property.int.test.ts',
  // A cancel right after its placement is never refused by a stale view (16 clients, 4,000 orders).
  'commands/orders/cancel-after-place.int.test.ts',
  'commands/orders/stale-write-view.int.test.ts',
  // The shared log tail hands out what a read of the store gives, at any checkpoint.
  'projections/runtime/log-tail.int.test.ts',
  // A batch applied at once equals the same events applied one by one, for every read model.
  'projections/testing/batching.int.test.ts',
  // Writes sent with the COMMIT and COPY text mean what parameters and INSERT mean.
  'infra/sql/at-commit.int.test.ts',
  'projections/runtime/copy-text.int.test.ts',
  // SIGTERM under 20 s of load: no 5xx, no acknowledged order lost.
  'ops/cli/commands/serve-sigterm.e2e.test.ts',
  // One winner per SKU among concurrent creates, atomic and claim-first.
  'commands/catalog/sku-uniqueness.property.int.test.ts',
  // kill -9 during bursts of keyed placements, 4 to 8 times: no duplicate order or reservation.
  'write-api/placement-kill.e2e.test.ts',
  // The NATS stream's leader killed 3 times under orders: no mail lost or sent twice.
  'ops/compose/nats-cluster.e2e.test.ts',
  // 500 broken requests per operation of both OpenAPI documents: no 5xx, nothing appended.
  'ops/server/api-fuzz.int.test.ts',
  // The dashboard in Chromium on embedded and PostgreSQL, with a threshold edit and a replay.
  'ops/server/dashboard.e2e.test.ts',
];

const started = Date.now();
const env = { ...process.env, QM_PROPERTY_RUNS: process.env.QM_PROPERTY_RUNS ?? '1000', QM_SOAK: '1' };
const vitest = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(
  process.execPath,
  // A property of 1,000 cases outlasts the int project's 60 s per test by far: no per-test bound.
  [
    vitest,
    'run',
    '--project',
    'int',
    '--testTimeout=0',
    '--hookTimeout=600000',
    ...files,
    ...process.argv.slice(2),
  ],
  { env, stdio: 'inherit' },
);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(
  `\nsoak: ${run.status === 0 ? 'passed' : 'FAILED'} in ${minutes} min ` +
    `(QM_PROPERTY_RUNS=${env.QM_PROPERTY_RUNS}, QM_SOAK=1, ${files.length} files)\n`,
);
process.exitCode = run.status ?? 1;
