import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { tempAnalytics, type TempAnalytics } from '../../test-support/temp-analytics.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import type { SinkProjection } from '../runtime/projection.ts';
import { startSinkProjector, type RunningProjector } from '../runtime/projector-runner.ts';
import { projectorDeps } from '../runtime/testing/runtime-fixture.ts';
import { createAnalyticsProjection } from './analytics-projection.ts';
import { readLogPages, recordOrders, recordShopHistory } from '../../test-support/shop-history.ts';

/** Totals from the event store's own events: order lines, money captured and refunded. */
function storeTotals(events: readonly RecordedEvent[]) {
  const sum = (type: string, pick: (data: never) => number) =>
    events.filter((e) => e.type === type).reduce((total, e) => total + pick(e.data as never), 0);
  return {
    events: events.length,
    units: sum('OrderPlaced', (d: { lines: { quantity: number }[] }) =>
      d.lines.reduce((a, l) => a + l.quantity, 0),
    ),
    captured: sum('PaymentCaptured', (d: { amount: { amount: number } }) => d.amount.amount),
    refunded: sum('RefundIssued', (d: { amount: { amount: number } }) => d.amount.amount),
  };
}

/** A connection dropped after the server took the insert, before the client heard back. */
const droppedAfterInsert = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('analytics projector killed mid-stream and restarted (chDB, PGlite)', () => {
  let h: CommandHarness;
  let store: TempAnalytics;
  const running: RunningProjector[] = [];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    store = await tempAnalytics();
  });
  afterAll(async () => {
    for (const runner of running) await runner.stop();
    await store?.dispose();
    await h?.dispose();
  });

  async function clickhouseTotals() {
    const db = store.analytics.database;
    const result = await store.analytics.client.query({
      query: `SELECT
        (SELECT count() FROM ${db}.raw_events) AS events,
        (SELECT sum(units) FROM ${db}.sales_daily) AS units,
        (SELECT sumIf(amount, kind = 'captured') FROM ${db}.payments_daily) AS captured,
        (SELECT sumIf(amount, kind = 'refunded') FROM ${db}.payments_daily) AS refunded`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<Record<string, string>>();
    return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
  }

  it('ends with ClickHouse totals equal to the event store, with no row doubled', async () => {
    const deps = projectorDeps(h.sql);
    const analytics = createAnalyticsProjection({ analytics: store.analytics });
    await recordShopHistory(h, 3);

    // First instance: twice the sink takes a batch but the acknowledgement is lost, so the runtime
    // delivers that batch again; then the process is stopped while orders keep coming in.
    let batches = 0;
    const flaky: SinkProjection = {
      name: analytics.name,
      async deliver(events) {
        await analytics.deliver(events);
        batches += 1;
        if (batches === 3 || batches === 6) throw droppedAfterInsert();
      },
    };
    const first = await startSinkProjector(deps, flaky, {
      batchSize: 5,
      pollIntervalMs: 10,
      leaseMs: 1000,
      leaseRetryMs: 50,
    });
    running.push(first);
    const midway = (await h.store.headPosition())!;
    const ordering = recordOrders(h, 3, 4);
    expect(await first.waitFor(midway, 30_000)).toBe(true);
    await first.stop();
    running.pop();
    await ordering;
    expect(batches).toBeGreaterThanOrEqual(6);

    // The restarted instance resumes from the checkpoint the first one left, while more orders come.
    const second = await startSinkProjector(deps, analytics, {
      batchSize: 5,
      pollIntervalMs: 10,
      leaseMs: 1000,
      leaseRetryMs: 50,
    });
    running.push(second);
    await recordOrders(h, 7, 2);
    const head = (await h.store.headPosition())!;
    expect(await second.waitFor(head, 30_000)).toBe(true);

    const events = (await readLogPages(h.store, 500)).flat();
    expect(await clickhouseTotals()).toEqual(storeTotals(events));
  });
});
