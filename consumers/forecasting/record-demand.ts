import { sql as raw, type Kysely } from 'kysely';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { ReplenishmentPolicySet } from '../../domain/replenishment/index.ts';
import type { OrderCancelled, OrderEdited, OrderPlaced, RefundIssued } from '../../domain/orders/index.ts';
import { kyselyOver } from '../../infra/sql/kysely-over-sql.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { epochDay, type ForecastingTables, type SeriesKey } from './forecasting-tables.ts';

type Db = Kysely<ForecastingTables>;

export interface DemandRecorded {
  /** False when the event was handled before (a redelivery): nothing was counted again. */
  fresh: boolean;
  /** The SKU/location series the event concerns, to forecast or review afterwards. */
  touched: SeriesKey[];
}

/**
 * Books an event's demand in one transaction with its event id, so a redelivered event never
 * counts twice. Net daily demand = ordered (placed, and added by edits) − cancelled (cancelled, and
 * taken off by edits) − refunded units, all booked on the day the order was placed: a cancellation or a refund says that demand did not stick, not that there was
 * negative demand on the day it happened. Events about unknown orders (placed before this consumer
 * first started) change nothing.
 */
export async function recordDemand(sql: SqlClient, event: RecordedEvent): Promise<DemandRecorded> {
  const [recorded] = await recordDemandBatch(sql, [event]);
  return recorded!;
}

/**
 * Books several events' demand as `recordDemand` books each in turn, in one transaction: their
 * ids claimed in one insert, and the ordered and cancelled units of the whole batch added to the
 * daily demand in one upsert at the end (nothing in between reads it; they are whole units, so the
 * sum is the same in any order). Returns what each event touched, in the events' order.
 */
export async function recordDemandBatch(
  sql: SqlClient,
  events: readonly RecordedEvent[],
): Promise<DemandRecorded[]> {
  if (events.length === 0) return [];
  return sql.transaction(async (tx) => {
    const db = kyselyOver<ForecastingTables>(tx);
    const ids = [...new Set(events.map((event) => event.id))];
    const claimed = await db
      .insertInto('qm_forecast_processed_events')
      .values(ids.map((id) => ({ event_id: id })))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id')
      .execute();
    const unclaimed = new Set(claimed.map((row) => row.event_id));
    const units = createUnitSums();
    const recorded: DemandRecorded[] = [];
    for (const event of events) {
      // A fresh id counts once, even if the batch carries the event twice.
      const fresh = unclaimed.delete(event.id);
      recorded.push({ fresh, touched: unique(await apply(db, event, fresh, units)) });
    }
    await units.book(db);
    return recorded;
  });
}

async function apply(db: Db, event: RecordedEvent, fresh: boolean, units: UnitSums): Promise<SeriesKey[]> {
  switch (event.type) {
    case 'OrderPlaced':
      return orderPlaced(
        db,
        event.data as OrderPlaced['data'],
        epochDay(event.metadata.occurredAt),
        fresh,
        units,
      );
    case 'OrderCancelled':
      return orderCancelled(db, event.data as OrderCancelled['data'], fresh, units);
    case 'OrderEdited':
      return orderEdited(db, event.data as OrderEdited['data'], fresh, units);
    case 'RefundIssued':
      return refundIssued(db, event.data as RefundIssued['data'], fresh);
    case 'ReplenishmentPolicySet':
      return policySet(db, event.data as ReplenishmentPolicySet['data'], fresh);
    default: {
      // Stock events change availability, not demand: only a review follows.
      const { sku, location } = event.data;
      return typeof sku === 'string' && typeof location === 'string' ? [{ sku, location }] : [];
    }
  }
}

async function orderPlaced(db: Db, order: OrderPlaced['data'], day: number, fresh: boolean, units: UnitSums) {
  const allocations = order.lines.flatMap((line) =>
    line.allocations.map((a) => ({
      lineId: line.lineId,
      sku: line.sku,
      location: a.location,
      quantity: a.quantity,
    })),
  );
  if (fresh) {
    await db
      .insertInto('qm_forecast_orders')
      .values({ order_id: order.orderId, day, subtotal: order.totals.subtotal.amount })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .execute();
    if (allocations.length > 0) {
      await db
        .insertInto('qm_forecast_order_lines')
        .values(
          allocations.map((a) => ({
            order_id: order.orderId,
            line_id: a.lineId,
            location: a.location,
            sku: a.sku,
            quantity: a.quantity,
          })),
        )
        .onConflict((oc) => oc.columns(['order_id', 'line_id', 'location']).doNothing())
        .execute();
    }
    for (const a of allocations) units.add({ sku: a.sku, location: a.location }, day, 'ordered', a.quantity);
  }
  return allocations.map(({ sku, location }) => ({ sku, location }));
}

async function orderCancelled(db: Db, data: OrderCancelled['data'], fresh: boolean, units: UnitSums) {
  const order = await orderOf(db, data.orderId);
  if (fresh && order !== undefined) {
    for (const release of data.releases) {
      await db
        .updateTable('qm_forecast_order_lines')
        .set({ cancelled: raw<number>`cancelled + ${release.quantity}` })
        .where('order_id', '=', data.orderId)
        .where('line_id', '=', release.lineId)
        .where('location', '=', release.location)
        .execute();
      units.add(release, order.day, 'cancelled', release.quantity);
    }
  }
  return data.releases.map(({ sku, location }) => ({ sku, location }));
}

/**
 * An edit changes what the customer ordered, before anything shipped: the units it reserves are
 * ordered, and the units it releases cancelled, booked like the placement's on the day the order was
 * placed (the order's demand is what it came to, not a second order on the day of the edit). Its
 * lines are kept with the placement's, so a later cancellation of the order, which releases every
 * reservation the order holds (the edit's too), takes back exactly what was booked; before this, an
 * edited order's cancellation took back units never booked. A change of address or method alone
 * books nothing. The refund an edit makes is not taken back again (see `refundIssued`).
 */
async function orderEdited(db: Db, data: OrderEdited['data'], fresh: boolean, units: UnitSums) {
  const order = await orderOf(db, data.orderId);
  const releases = data.releases ?? [];
  if (fresh && order !== undefined) {
    for (const r of data.reservations) {
      await db
        .insertInto('qm_forecast_order_lines')
        .values({
          order_id: data.orderId,
          line_id: r.lineId,
          location: r.location,
          sku: r.sku,
          quantity: r.quantity,
        })
        .onConflict((oc) =>
          oc
            .columns(['order_id', 'line_id', 'location'])
            .doUpdateSet({ quantity: raw<number>`qm_forecast_order_lines.quantity + ${r.quantity}` }),
        )
        .execute();
      units.add(r, order.day, 'ordered', r.quantity);
    }
    for (const r of releases) {
      await db
        .updateTable('qm_forecast_order_lines')
        .set({ cancelled: raw<number>`cancelled + ${r.quantity}` })
        .where('order_id', '=', data.orderId)
        .where('line_id', '=', r.lineId)
        .where('location', '=', r.location)
        .execute();
      units.add(r, order.day, 'cancelled', r.quantity);
    }
    // Later refunds take their share of the goods as they stand after the edit.
    await db
      .updateTable('qm_forecast_orders')
      .set({ subtotal: data.after.subtotal.amount })
      .where('order_id', '=', data.orderId)
      .execute();
  }
  return order === undefined
    ? []
    : [...data.reservations, ...releases].map(({ sku, location }) => ({ sku, location }));
}

/**
 * A refund names an amount, not units: it takes back the same share of every line's units still
 * standing (not cancelled), as a share of the order's subtotal. Refunds beyond the subtotal
 * (shipping) take back nothing more.
 */
async function refundIssued(db: Db, data: RefundIssued['data'], fresh: boolean) {
  const order = await orderOf(db, data.orderId);
  if (order === undefined) return [];
  // The money side of an edit or a cancellation: its units were taken off by that change itself.
  if ('cause' in data && data.cause) return [];
  const lines = await db
    .selectFrom('qm_forecast_order_lines')
    .select(['sku', 'location', 'quantity', 'cancelled'])
    .where('order_id', '=', data.orderId)
    .execute();
  if (fresh && order.subtotal > 0) {
    const share = (refunded: number) => Math.min(1, refunded / order.subtotal);
    const taken = share(order.refunded + data.amount.amount) - share(order.refunded);
    await db
      .updateTable('qm_forecast_orders')
      .set({ refunded: order.refunded + data.amount.amount })
      .where('order_id', '=', data.orderId)
      .execute();
    for (const line of lines) {
      const units = taken * (line.quantity - line.cancelled);
      if (units > 0) await addDemand(db, line, order.day, 'refunded', units);
    }
  }
  return lines.map(({ sku, location }) => ({ sku, location }));
}

async function policySet(db: Db, data: ReplenishmentPolicySet['data'], fresh: boolean) {
  const { sku, location } = data;
  if (fresh) {
    const policy = { lead_time_days: data.leadTimeDays, service_level: data.serviceLevel };
    await db
      .insertInto('qm_forecast_policies')
      .values({ sku, location, ...policy })
      .onConflict((oc) => oc.columns(['sku', 'location']).doUpdateSet(policy))
      .execute();
  }
  return [{ sku, location }];
}

async function orderOf(db: Db, orderId: string) {
  const row = await db
    .selectFrom('qm_forecast_orders')
    .select(['day', 'subtotal', 'refunded'])
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row && { day: row.day, subtotal: Number(row.subtotal), refunded: Number(row.refunded) };
}

type UnitSums = ReturnType<typeof createUnitSums>;

/** Whole ordered and cancelled units per series and day, booked in one upsert. */
function createUnitSums() {
  const sums = new Map<string, SeriesKey & { day: number; ordered: number; cancelled: number }>();
  return {
    add(series: SeriesKey, day: number, column: 'ordered' | 'cancelled', units: number): void {
      const key = JSON.stringify([series.sku, series.location, day]);
      let sum = sums.get(key);
      if (!sum)
        sums.set(key, (sum = { sku: series.sku, location: series.location, day, ordered: 0, cancelled: 0 }));
      sum[column] += units;
    },
    async book(db: Db): Promise<void> {
      if (sums.size === 0) return;
      await db
        .insertInto('qm_forecast_daily_demand')
        .values([...sums.values()])
        .onConflict((oc) =>
          oc.columns(['sku', 'location', 'day']).doUpdateSet({
            ordered: raw<number>`qm_forecast_daily_demand.ordered + excluded.ordered`,
            cancelled: raw<number>`qm_forecast_daily_demand.cancelled + excluded.cancelled`,
          }),
        )
        .execute();
    },
  };
}

/** Refunded units are shares, not whole: added one by one, in order, as they always were. */
async function addDemand(
  db: Db,
  series: SeriesKey,
  day: number,
  column: 'refunded',
  units: number,
): Promise<void> {
  await db
    .insertInto('qm_forecast_daily_demand')
    .values({ sku: series.sku, location: series.location, day, [column]: units })
    .onConflict((oc) =>
      oc
        .columns(['sku', 'location', 'day'])
        .doUpdateSet({ [column]: raw<number>`qm_forecast_daily_demand.${raw.ref(column)} + ${units}` }),
    )
    .execute();
}

function unique(series: SeriesKey[]): SeriesKey[] {
  const seen = new Map(series.map((s) => [`${s.sku}@${s.location}`, s]));
  return [...seen.values()];
}
