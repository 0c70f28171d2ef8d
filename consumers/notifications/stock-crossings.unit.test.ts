import { describe, expect, it } from 'vitest';
import type { InventoryEvent, StockCounts } from '../../domain/inventory/index.ts';
import { crossStock, type StockCrossing } from './stock-crossings.ts';

const at = { sku: 'A', location: 'berlin' };
const events = {
  received: (quantity: number): InventoryEvent => ({
    type: 'StockReceived',
    data: { ...at, quantity, reference: null },
  }),
  reserved: (orderId: string, quantity: number): InventoryEvent => ({
    type: 'StockReserved',
    data: { ...at, orderId, quantity, expiresAt: '2026-01-01T00:00:00Z' },
  }),
  released: (orderId: string, quantity: number): InventoryEvent => ({
    type: 'StockReservationReleased',
    data: { ...at, orderId, quantity, reason: 'cancelled' },
  }),
  threshold: (threshold: number): InventoryEvent => ({
    type: 'LowStockThresholdSet',
    data: { ...at, threshold, previous: null },
  }),
};

/** given(events) → the crossings each one caused. */
function crossings(history: InventoryEvent[]): StockCrossing[][] {
  let state: StockCounts = { status: 'untracked' };
  return history.map((event) => {
    const { after, crossings } = crossStock(state, event);
    state = after;
    return crossings;
  });
}

describe('stock crossings', () => {
  it('alerts once when availability falls to the threshold, and again only after it recovered', () => {
    expect(
      crossings([
        events.received(10),
        events.threshold(3),
        events.reserved('o1', 6), // 4 left: above
        events.reserved('o2', 1), // 3: crosses
        events.reserved('o3', 1), // 2: still low, no second alert
        events.released('o1', 6), // 8: recovered
        events.reserved('o4', 5), // 3: crosses again
      ]),
    ).toEqual([[], [], [], ['low-stock'], [], [], ['low-stock']]);
  });

  it('alerts when a new threshold puts current stock below it; nothing without a threshold', () => {
    expect(crossings([events.received(2), events.reserved('o1', 2), events.threshold(5)])).toEqual([
      [],
      [],
      ['low-stock'],
    ]);
  });

  it('says back in stock when availability rises from zero, not at the first receipt', () => {
    expect(
      crossings([events.received(1), events.reserved('o1', 1), events.released('o1', 1), events.received(3)]),
    ).toEqual([[], [], ['back-in-stock'], []]);
  });
});
