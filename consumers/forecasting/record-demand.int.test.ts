import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { JsonObject } from '../../domain/json.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { epochDay } from './forecasting-tables.ts';
import { recordDemand } from './record-demand.ts';

const placedAt = '2026-02-02T15:00:00.000Z';
let seq = 0;
function recorded(stream: string, type: string, data: JsonObject, occurredAt = placedAt): RecordedEvent {
  seq += 1;
  return {
    id: `00000000-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`,
    type,
    data,
    metadata: {
      actor: { id: 'a', role: 'admin' },
      correlationId: 'c',
      causationId: null,
      occurredAt,
      schemaVersion: 1,
    },
    stream,
    revision: 0,
    position: { commit: BigInt(seq), prepare: BigInt(seq) },
    recordedAt: occurredAt,
  };
}
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const line = (
  lineId: string,
  sku: string,
  quantity: number,
  unit: number,
  allocations: [string, number][],
) => ({
  lineId,
  sku,
  quantity,
  unitPrice: eur(unit),
  lineTotal: eur(unit * quantity),
  allocations: allocations.map(([location, q]) => ({ location, quantity: q })),
});

describe.each(['pglite', 'postgres'] as const)('daily demand on %s', (backend) => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(
    async () =>
      void ({ client: sql, dispose } =
        backend === 'postgres' ? await migratedPostgres(4) : await migratedPglite()),
  );
  afterAll(async () => dispose());

  const demand = () =>
    sql.query<{
      sku: string;
      location: string;
      day: number;
      ordered: number;
      cancelled: number;
      refunded: number;
    }>(
      'select sku, location, day, ordered, cancelled, refunded from qm_forecast_daily_demand order by sku, location',
    );

  it('books orders per SKU and location, and cancellations and refunds against the day ordered', async () => {
    const placed = recorded('order-o1', 'OrderPlaced', {
      orderId: 'o1',
      lines: [
        line('L1', 'MUG', 4, 1000, [
          ['berlin', 3],
          ['hamburg', 1],
        ]),
        line('L2', 'PLATE', 2, 3000, [['berlin', 2]]),
      ],
      totals: { subtotal: eur(10_000), shipping: eur(500), total: eur(10_500) },
    });
    expect((await recordDemand(sql, placed)).touched).toEqual([
      { sku: 'MUG', location: 'berlin' },
      { sku: 'MUG', location: 'hamburg' },
      { sku: 'PLATE', location: 'berlin' },
    ]);
    const later = '2026-02-09T09:00:00.000Z';
    // One mug in Hamburg cancelled; then a quarter of the order's value refunded, then more than the rest.
    await recordDemand(
      sql,
      recorded(
        'order-o1',
        'OrderCancelled',
        {
          orderId: 'o1',
          reason: 'requested',
          note: null,
          releases: [{ lineId: 'L1', sku: 'MUG', location: 'hamburg', quantity: 1 }],
        },
        later,
      ),
    );
    const refund = recorded(
      'order-o1',
      'RefundIssued',
      { orderId: 'o1', refundId: 'r1', amount: eur(2500), reason: 'x' },
      later,
    );
    expect((await recordDemand(sql, refund)).fresh).toBe(true);
    const day = epochDay(placedAt);
    expect(await demand()).toEqual([
      { sku: 'MUG', location: 'berlin', day, ordered: 3, cancelled: 0, refunded: 0.75 },
      { sku: 'MUG', location: 'hamburg', day, ordered: 1, cancelled: 1, refunded: 0 },
      { sku: 'PLATE', location: 'berlin', day, ordered: 2, cancelled: 0, refunded: 0.5 },
    ]);

    // The same refund delivered again counts once; a refund past the subtotal takes back only what stands.
    expect((await recordDemand(sql, refund)).fresh).toBe(false);
    await recordDemand(
      sql,
      recorded(
        'order-o1',
        'RefundIssued',
        { orderId: 'o1', refundId: 'r2', amount: eur(9000), reason: 'x' },
        later,
      ),
    );
    const net = (await demand()).map((row) => row.ordered - row.cancelled - row.refunded);
    expect(net.map((n) => Math.round(n * 1e9) / 1e9)).toEqual([0, 0, 0]);
  });

  it('changes nothing for an order it never saw, but still names the series for a review', async () => {
    const before = await demand();
    const { touched } = await recordDemand(
      sql,
      recorded('order-o9', 'OrderCancelled', {
        orderId: 'o9',
        reason: 'expired',
        note: null,
        releases: [{ lineId: 'L1', sku: 'CUP', location: 'berlin', quantity: 2 }],
      }),
    );
    expect(touched).toEqual([{ sku: 'CUP', location: 'berlin' }]);
    expect(await demand()).toEqual(before);
  });

  it('books an edit on the day ordered, never twice: units added and taken off, its refund not again, a later cancellation balancing', async () => {
    const at = '2026-03-03T10:00:00.000Z';
    const day = epochDay(at);
    const rows = async () => (await demand()).filter((row) => row.sku === 'BOWL' || row.sku === 'SPOON');
    await recordDemand(
      sql,
      recorded(
        'order-e1',
        'OrderPlaced',
        {
          orderId: 'e1',
          lines: [line('L1', 'BOWL', 2, 1000, [['berlin', 2]])],
          totals: { subtotal: eur(2000), shipping: eur(0), total: eur(2000) },
        },
        at,
      ),
    );
    const later = '2026-03-05T10:00:00.000Z';
    // Staff add 3 spoons and take one bowl off; the paid order is refunded the difference.
    const edited = recorded(
      'order-e1',
      'OrderEdited',
      {
        orderId: 'e1',
        reservations: [{ lineId: 'L2', sku: 'SPOON', location: 'berlin', quantity: 3 }],
        releases: [{ lineId: 'L1', sku: 'BOWL', location: 'berlin', quantity: 1 }],
        after: { subtotal: eur(1300), total: eur(1300) },
      },
      later,
    );
    expect((await recordDemand(sql, edited)).touched).toEqual([
      { sku: 'SPOON', location: 'berlin' },
      { sku: 'BOWL', location: 'berlin' },
    ]);
    expect((await recordDemand(sql, edited)).fresh).toBe(false);
    await recordDemand(
      sql,
      recorded(
        'order-e1',
        'RefundIssued',
        {
          orderId: 'e1',
          refundId: 'r-e1',
          amount: eur(700),
          reason: 'order edited',
          cause: { kind: 'edit', revision: 1 },
        },
        later,
      ),
    );
    expect(await rows()).toEqual([
      { sku: 'BOWL', location: 'berlin', day, ordered: 2, cancelled: 1, refunded: 0 },
      { sku: 'SPOON', location: 'berlin', day, ordered: 3, cancelled: 0, refunded: 0 },
    ]);
    // The order cancelled: every reservation it holds (the edit's too) released, net demand 0.
    await recordDemand(
      sql,
      recorded(
        'order-e1',
        'OrderCancelled',
        {
          orderId: 'e1',
          reason: 'requested',
          note: null,
          releases: [
            { lineId: 'L1', sku: 'BOWL', location: 'berlin', quantity: 1 },
            { lineId: 'L2', sku: 'SPOON', location: 'berlin', quantity: 3 },
          ],
        },
        later,
      ),
    );
    expect((await rows()).map((row) => row.ordered - row.cancelled - row.refunded)).toEqual([0, 0]);
  });
});
