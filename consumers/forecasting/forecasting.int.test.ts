import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { EventBus, RunningConsumer } from '../../infra/bus/event-bus.ts';
import { busUnderTest, type BusUnderTest } from '../../test-support/bus-under-test.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { createMetricsRegistry } from '../../infra/metrics/registry.ts';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import { replenishmentCommandsFrom } from '../../ops/compose/forecasting.ts';
import { publisherProjection } from '../../projections/publisher/publisher-projection.ts';
import { replenishmentProjection } from '../../projections/replenishment/projection.ts';
import { listReorderPoints, listSuggestions } from '../../projections/replenishment/queries.ts';
import type { ReplenishmentDatabase } from '../../projections/replenishment/tables.ts';
import { activeSchema } from '../../projections/runtime/checkpoints.ts';
import {
  startReadModelProjector,
  startSinkProjector,
  type RunningProjector,
} from '../../projections/runtime/projector-runner.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { startForecastingConsumer } from './forecasting-consumer.ts';
import type { ForecastSettings } from './series-forecast.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const SKU = 'MUG';
const DAYS = 35;
const settings: ForecastSettings = {
  leadTimeDays: 7,
  serviceLevel: 0.95,
  reviewPeriodDays: 7,
  historyDays: 365,
};
const dayAt = (day: number) => new Date(Date.UTC(2026, 0, 5 + day, 10)).toISOString();
/**
 * Weekend days sell more (a weekly pattern the consumer should find), with a five-day wobble no
 * weekly model explains: the forecast errors safety stock is sized from.
 */
const unitsOn = (day: number) => (day % 7 >= 5 ? 9 : 4) + [0, 2, -1, 1, -2][day % 5]!;

describe.each([
  ['pglite', 'in-process'],
  ['postgres', 'nats'],
] as const)('forecasting on %s over the %s bus', (backend, busKind) => {
  let h: CommandHarness;
  let env: BusUnderTest;
  let bus: EventBus;
  let publisher: RunningProjector;
  let readModel: RunningProjector;
  const consumers: RunningConsumer[] = [];
  let placed = 0;

  const deps = () => ({ store: h.store, database: h.sql, log, metrics: createMetricsRegistry() });
  const start = (durable: string, onHandled?: (event: RecordedEvent) => void) =>
    startForecastingConsumer({
      ...(onHandled ? { onHandled } : {}),
      bus,
      sql: h.sql,
      commands: replenishmentCommandsFrom(h.handlers, h.clock),
      settings,
      log,
      durable,
      subjectPrefix: env.subjectPrefix,
    }).then((consumer) => (consumers.push(consumer), consumer));
  const replenishmentEvents = () => h.store.readStream(`replenishment-${SKU}@berlin`);
  const netDemand = async () =>
    Number(
      (
        await h.sql.query<{ net: number }>(
          `select coalesce(sum(ordered - cancelled - refunded), 0)::float8 as net from qm_forecast_daily_demand`,
        )
      )[0]!.net,
    );
  /** Events the consumer subscribes to, as the store has them once every append has settled. */
  const relevant = async () =>
    (await h.store.readAll({ from: 'start', maxCount: 100_000 })).filter((e: RecordedEvent) =>
      ['OrderPlaced', 'OrderCancelled', 'RefundIssued', 'StockReceived', 'StockAdjusted'].includes(e.type),
    ).length;
  const handledFirst: RecordedEvent[] = [];
  /** Distinct events handled: a bus may deliver one event more than once. */
  const distinct = (events: readonly RecordedEvent[]) => new Set(events.map((e) => e.id)).size;
  const demandOn = (day: number) =>
    h.sql.query<{ ordered: number; cancelled: number }>(
      `select ordered, cancelled from qm_forecast_daily_demand where day = $1`,
      [Math.floor(Date.parse(dayAt(day)) / 86_400_000)],
    );
  const cancelledOnDay3 = async () => (await demandOn(3))[0]?.cancelled;

  beforeAll(async () => {
    h = await commandHarness(backend);
    env = busUnderTest(busKind);
    bus = await env.open();
    publisher = await startSinkProjector(deps(), publisherProjection(bus), { pollIntervalMs: 10 });
    readModel = await startReadModelProjector(deps(), replenishmentProjection(), { pollIntervalMs: 10 });
    await start('forecasting', (event) => void handledFirst.push(event));
    h.clock.set(dayAt(0));
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createProduct(
      {
        productId: 'p1',
        sku: SKU,
        name: 'Mug',
        price: { amount: 900, currency: 'EUR' },
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
      },
      ctx,
    );
    await h.handlers.receiveStock({ sku: SKU, location: 'berlin', quantity: 1000, reference: null }, ctx);
    for (let day = 0; day < DAYS; day++) {
      h.clock.set(dayAt(day));
      for (const [n, quantity] of [unitsOn(day) - 1, 1].entries()) {
        await h.handlers.placeOrder(
          {
            orderId: `o-${day}-${n}`,
            customerId: 'ada',
            currency: 'EUR',
            lines: [{ productId: 'p1', quantity }],
            shippingAddress: berlinAddress,
          },
          h.context(),
        );
        placed += quantity;
      }
    }
    // One order of day 3 did not stick: its demand comes off that day.
    await h.handlers.cancelOrder({ orderId: 'o-3-1', reason: 'requested', note: null }, h.context());
    placed -= 1;
    // The cancellation is the last event: once it is booked and the total adds up, all are.
    await waitUntil('every order and the cancellation to be booked', async () =>
      (await cancelledOnDay3()) === 1 && (await netDemand()) === placed ? true : undefined,
    );
  });
  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await readModel?.stop();
    await publisher?.stop();
    await env?.dispose();
    await h?.dispose();
  });

  it('keeps net daily demand from orders and cancellations', async () => {
    expect(await netDemand()).toBe(placed);
    expect(await demandOn(3)).toEqual([{ ordered: unitsOn(3), cancelled: 1 }]);
  });

  it('records reorder points through the command side, audited, and only when they changed materially', async () => {
    const recalculated = (await replenishmentEvents()).filter((e) => e.type === 'ReorderPointRecalculated');
    expect(recalculated.length).toBeGreaterThan(0);
    // One forecast per order at most, and far fewer recorded: small moves are not news.
    expect(recalculated.length).toBeLessThan(DAYS / 2);
    const last = recalculated.at(-1)!;
    expect(last.metadata).toMatchObject({ actor: { id: 'forecasting', role: 'system' } });
    const cause = (await h.store.readAll({ from: 'start', maxCount: 100_000 })).find(
      (e) => e.id === last.metadata.causationId,
    );
    // The demand event that moved the forecast: usually the last orders, but where the delivery
    // batches fall decides whether the cancellation's refresh crossed the threshold instead.
    expect(['OrderPlaced', 'OrderCancelled']).toContain(cause?.type);
    // ~5.4 units a day over 7 days of lead time, plus safety stock for the wobble.
    expect(last.data).toMatchObject({ sku: SKU, location: 'berlin', leadTimeDays: 7, serviceLevel: 0.95 });
    expect(Number(last.data.expectedDailyDemand)).toBeGreaterThan(4);
    expect(Number(last.data.expectedDailyDemand)).toBeLessThan(7);
    expect(Number(last.data.reorderPoint)).toBeGreaterThan(Number(last.data.leadTimeDemand));
    expect(['holt', 'holt-winters']).toContain(last.data.method);
  });

  it('suggests replenishment once stock falls to the reorder point, visible in the read model', async () => {
    const [points] = await readPoints();
    expect(points).toBeDefined();
    const available = 1000 - placed;
    h.clock.set(dayAt(DAYS));
    await h.handlers.adjustStock(
      { sku: SKU, location: 'berlin', delta: -(available - 10), reason: 'loss', note: 'flood' },
      h.context(),
    );
    const suggested = await waitUntil('a suggestion in the event store', async () => {
      const events = (await replenishmentEvents()).filter((e) => e.type === 'ReplenishmentSuggested');
      return events.length > 0 ? events : undefined;
    });
    expect(suggested).toHaveLength(1);
    expect(suggested[0]!.data).toMatchObject({ available: 10, reason: 'below_reorder_point' });
    const open = await waitUntil('the suggestion in the read model', async () => {
      const items = await read((db) => listSuggestions(db, { status: 'open', limit: 10 }));
      return items.length > 0 ? items : undefined;
    });
    expect(open[0]).toMatchObject({
      sku: SKU,
      location: 'berlin',
      available: 10,
      quantity: suggested[0]!.data.quantity,
    });
  });

  it('counts nothing twice when every event is delivered again', async () => {
    const before = { net: await netDemand(), events: (await replenishmentEvents()).length };
    // A second durable consumer from the start redelivers every event into the same tables.
    const handledAgain: RecordedEvent[] = [];
    await start('forecasting-again', (event) => void handledAgain.push(event));
    const expected = await relevant();
    await waitUntil('both consumers to have handled every event', () =>
      distinct(handledFirst) === expected && distinct(handledAgain) === expected ? true : undefined,
    );
    expect(await netDemand()).toBe(before.net);
    expect((await replenishmentEvents()).length).toBe(before.events);
  });

  async function read<T>(work: (db: ReturnType<typeof kyselyOver<ReplenishmentDatabase>>) => Promise<T>) {
    const schema = await activeSchema(h.sql, 'replenishment');
    return work(kyselyOver<ReplenishmentDatabase>(h.sql).withSchema(schema));
  }
  const readPoints = () =>
    waitUntil('a reorder point in the read model', async () => {
      const items = await read((db) => listReorderPoints(db, { sku: SKU, limit: 10 }));
      return items.length > 0 ? items : undefined;
    });
});
