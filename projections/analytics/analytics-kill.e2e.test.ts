import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { openAnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { commandHarness } from '../../test-support/command-harness.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { readCheckpoint, reached } from '../runtime/checkpoints.ts';
import { readLogPages, recordOrders, recordShopHistory } from '../../test-support/shop-history.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'ops', 'cli', 'main.ts');

interface OrderLineData {
  lineTotal: { amount: number };
  allocations: unknown[];
}

/** What ClickHouse must hold, computed from the event store's own events. */
function storeTotals(events: readonly RecordedEvent[]) {
  const of = (type: string) => events.filter((e) => e.type === type).map((e) => e.data as never);
  const lines = of('OrderPlaced').flatMap((d: { lines: OrderLineData[] }) => d.lines);
  const amount = (type: string) =>
    of(type).reduce((t, d: { amount: { amount: number } }) => t + d.amount.amount, 0);
  const paymentTypes = ['PaymentAuthorized', 'PaymentCaptured', 'PaymentFailed', 'RefundIssued'];
  return {
    raw_events: events.length,
    order_lines: lines.reduce((t, line) => t + line.allocations.length, 0),
    revenue: lines.reduce((t, line) => t + line.lineTotal.amount, 0),
    payments: events.filter((e) => paymentTypes.includes(e.type)).length,
    captured: amount('PaymentCaptured'),
    refunded: amount('RefundIssued'),
  };
}

describe('`qm project analytics` killed with SIGKILL mid-stream and restarted (PostgreSQL, chDB)', () => {
  let disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    disposers = [];
  });

  it('ends with ClickHouse totals equal to the event store', { timeout: 180_000 }, async () => {
    const h = await commandHarness('postgres');
    disposers.push(() => h.dispose());
    const [current] = await h.sql.query<{ name: string }>('select current_database() as name');
    const databaseUrl = new URL(serviceUrls().postgres);
    databaseUrl.pathname = `/${current!.name}`;
    // chDB binds a data directory to one process: only the child opens it until the child is gone.
    const chdbPath = mkdtempSync(join(tmpdir(), 'qm-chdb-kill-'));
    disposers.push(async () => rmSync(chdbPath, { recursive: true, force: true }));

    const children: ChildProcess[] = [];
    disposers.push(async () => {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const launch = () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        QM_EVENT_STORE: 'postgres',
        DATABASE_URL: databaseUrl.toString(),
        CHDB_PATH: chdbPath,
        CLICKHOUSE_DATABASE: 'analytics',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      };
      // Only this database and this chDB directory: no server the environment may name elsewhere.
      for (const key of ['CLICKHOUSE_URL', 'EVENTSTORE_URL', 'REDIS_URL']) delete env[key];
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', cli, 'project', 'analytics', '--batch-size', '3'],
        { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      children.push(child);
      return child;
    };
    const checkpoint = () => readCheckpoint(h.sql, 'analytics');

    await recordShopHistory(h, 6);
    // Enough stock for the orders still to come (the history itself stocks only a few).
    await h.handlers.receiveStock(
      { sku: 'A', location: 'berlin', quantity: 500, reference: 'po-kill' },
      h.context(),
    );
    const doomed = launch();
    // Orders keep coming while the process delivers part of the log and then dies without cleanup.
    const ordering = recordOrders(h, 6, 6);
    await expect
      .poll(async () => (await checkpoint())?.prepare ?? 0n, { timeout: 60_000, interval: 20 })
      .toBeGreaterThan(30n);
    doomed.kill('SIGKILL');
    await once(doomed, 'exit');
    await ordering;
    await recordOrders(h, 12, 3);
    const head = (await h.store.headPosition())!;
    expect(reached(await checkpoint(), head)).toBe(false);

    const survivor = launch();
    await expect
      .poll(async () => reached(await checkpoint(), head), { timeout: 120_000, interval: 50 })
      .toBe(true);
    survivor.kill('SIGTERM');
    await once(survivor, 'exit');
    expect(survivor.exitCode).toBe(0);

    const analytics = await openAnalyticsClient({ database: 'analytics', chdbPath });
    disposers.push(() => analytics.close());
    const result = await analytics.client.query({
      query: `SELECT
        (SELECT count() FROM analytics.raw_events) AS raw_events,
        (SELECT count() FROM analytics.order_lines) AS order_lines,
        (SELECT sum(revenue) FROM analytics.order_lines) AS revenue,
        (SELECT count() FROM analytics.payments) AS payments,
        (SELECT sumIf(amount, kind = 'captured') FROM analytics.payments) AS captured,
        (SELECT sumIf(amount, kind = 'refunded') FROM analytics.payments) AS refunded`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<Record<string, string>>();
    const clickhouse = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
    const events = (await readLogPages(h.store, 500)).flat();
    expect(clickhouse).toEqual(storeTotals(events));
  });
});
