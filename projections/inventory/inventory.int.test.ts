import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { shop } from '../testing/shop.ts';
import { inventoryProjection } from './projection.ts';
import { lowStock } from './queries.ts';

const expiresAt = '2026-02-01T00:00:00.000Z';
const now = '2026-01-06T00:00:00.000Z';

describe.each(['pglite', 'postgres'] as const)('inventory projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('projects every stock event into on hand, reserved, available, backordered and the low flag', async () => {
    const s = shop();
    const at = { sku: 'MUG', location: 'berlin' };
    s.receive('MUG', 'berlin', 10);
    s.stock({ type: 'SetLowStockThreshold', data: { ...at, threshold: 3 } });
    s.stock({ type: 'AdjustStock', data: { ...at, delta: -2, reason: 'loss', note: 'lost' } });
    s.stock({
      type: 'ReserveStock',
      data: { ...at, orderId: 'o1', quantity: 11, expiresAt, allowBackorder: true },
    });
    s.stock({
      type: 'ReleaseReservation',
      data: { ...at, orderId: 'o1', quantity: 4, reason: 'cancelled', now },
    });
    s.stock({ type: 'ShipStock', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 3 } });
    s.stock({
      type: 'TransferStockOut',
      data: { ...at, transferId: 't1', quantity: 1, toLocation: 'paris' },
    });
    s.stock({
      type: 'TransferStockIn',
      data: { sku: 'MUG', location: 'paris', transferId: 't1', quantity: 1, fromLocation: 'berlin' },
    });
    s.stock({
      type: 'ReserveStock',
      data: { ...at, orderId: 'o2', quantity: 3, expiresAt, allowBackorder: true },
    });
    // The receipt fills 2 of o2's 3 backordered units, in its own decision.
    s.receive('MUG', 'berlin', 2);
    s.stock({ type: 'SetLowStockThreshold', data: { sku: 'MUG', location: 'paris', threshold: 0 } });
    expect(new Set(s.log.events.map((e) => e.type)).size).toBe(11);

    const spec = await database.spec(inventoryProjection());
    const tags = await spec.given(s.log.events, { batchSize: 4 });
    // berlin: 10 - 2 = 8 on hand; o1 reserves 8 + backorders 3; releasing 4 cancels the 3 and frees 1
    // (7 reserved); ship 3 (5 on hand, 4 reserved); transfer 1 out (4); o2 backorders 3; receive 2
    // (6 on hand), which fills 2 of o2's backorder (6 reserved, 1 backordered).
    expect(await spec.rows('stock_levels', ['sku', 'location'])).toMatchObject([
      {
        ...loc('berlin'),
        on_hand: 6,
        reserved: 6,
        available: 0,
        backordered: 1,
        low_stock_threshold: 3,
        low_stock: true,
      },
      {
        ...loc('paris'),
        on_hand: 1,
        reserved: 0,
        available: 1,
        backordered: 0,
        low_stock_threshold: 0,
        low_stock: false,
      },
    ]);
    expect(tags).toEqual(expect.arrayContaining(['stock:MUG', 'low-stock']));
    expect((await spec.read((db) => lowStock(db))).map((l) => l.location)).toEqual(['berlin']);
  });

  it('lists low stock scarcest first, keyset-paged', async () => {
    const s = shop();
    for (const [sku, quantity] of [
      ['A', 3],
      ['B', 1],
      ['C', 2],
      ['D', 50],
    ] as const) {
      s.receive(sku, 'berlin', quantity);
      s.stock({ type: 'SetLowStockThreshold', data: { sku, location: 'berlin', threshold: 5 } });
    }
    const spec = await database.spec(inventoryProjection());
    await spec.given(s.log.events);
    const first = await spec.read((db) => lowStock(db, { limit: 2 }));
    expect(first.map((l) => l.sku)).toEqual(['B', 'C']);
    const next = await spec.read((db) => lowStock(db, { limit: 2, after: first[1]! }));
    expect(next.map((l) => l.sku)).toEqual(['A']);
  });
});

const loc = (location: string) => ({ sku: 'MUG', location });
