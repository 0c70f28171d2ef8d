import { describe, expect, it } from 'vitest';
import { countsOf, evolveStockCounts, stockDecider, type InventoryEvent, type StockState } from './index.ts';

const at = { sku: 'MUG', location: 'berlin' } as const;
const expiresAt = '2025-01-01T00:15:00Z';
const history: InventoryEvent[] = [
  { type: 'StockReceived', data: { ...at, quantity: 10, reference: null } },
  { type: 'StockReserved', data: { ...at, orderId: 'o1', quantity: 3, expiresAt } },
  { type: 'StockHeld', data: { ...at, cartId: 'c1', holder: 'h1', quantity: 2, expiresAt } },
  { type: 'LowStockThresholdSet', data: { ...at, threshold: 4, previous: null } },
];

describe('stock counts', () => {
  it('counts a history as the full fold does, without its holds', () => {
    const full = history.reduce(stockDecider.evolve, stockDecider.initialState());
    const counts = history.reduce(evolveStockCounts, { status: 'untracked' });
    expect(counts).toEqual({
      status: 'tracked',
      onHand: 10,
      reserved: 3,
      held: 2,
      backordered: 0,
      threshold: 4,
    });
    expect(countsOf(full)).toEqual(counts);
  });

  it('reads a full state stored before checkout holds existed as holding nothing', () => {
    const legacy = {
      status: 'tracked',
      ...at,
      onHand: 5,
      reserved: 1,
      backordered: 0,
      threshold: null,
      holds: { o1: { reserved: 1, backordered: 0, requested: 1, expiresAt, shipmentIds: [] } },
      transferIds: [],
    } as unknown as StockState;
    expect(countsOf(legacy)).toEqual({
      status: 'tracked',
      onHand: 5,
      reserved: 1,
      held: 0,
      backordered: 0,
      threshold: null,
    });
    expect(countsOf({ status: 'untracked' })).toEqual({ status: 'untracked' });
  });
});
