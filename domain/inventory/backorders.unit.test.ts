import { describe, expect, it } from 'vitest';
import { specFor } from '../testing/decider-spec.ts';
import { available, holdsByOrder, stockDecider, type InventoryEvent, type StockState } from './index.ts';

const given = specFor(stockDecider);
const at = { sku: 'MUG', location: 'berlin' } as const;
const expiresAt = '2025-01-01T00:15:00Z';

const received = (quantity: number): InventoryEvent => ({
  type: 'StockReceived',
  data: { ...at, quantity, reference: null },
});
const reserved = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockReserved',
  data: { ...at, orderId, quantity, expiresAt },
});
const backordered = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'BackorderRecorded',
  data: { ...at, orderId, quantity, expiresAt },
});
const filled = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'BackorderFilled',
  data: { ...at, orderId, quantity },
});
const cancelled = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'BackorderCancelled',
  data: { ...at, orderId, quantity, reason: 'cancelled' },
});
const receive = (quantity: number) =>
  ({ type: 'ReceiveStock', data: { ...at, quantity, reference: null } }) as const;
const queueOf = (state: StockState) => (state.status === 'tracked' ? state.backorderQueue : []);

describe('arriving stock fills the waiting backorders, first in first out', () => {
  it('fills the oldest backorder first, and the next with what is left', () => {
    const state = given([backordered('o1', 2), backordered('o2', 3)])
      .when(receive(4))
      .then([received(4), filled('o1', 2), filled('o2', 2)]);
    expect(state).toMatchObject({ onHand: 4, reserved: 4, backordered: 1 });
    expect(available(state)).toBe(0);
    expect(queueOf(state)).toEqual([{ orderId: 'o2', quantity: 1 }]);
    expect(holdsByOrder(state)).toMatchObject({ o1: { reserved: 2, backordered: 0 }, o2: { reserved: 2 } });
  });

  it('leaves what the queue does not need available', () => {
    const state = given([backordered('o1', 2)])
      .when(receive(5))
      .then([received(5), filled('o1', 2)]);
    expect(available(state)).toBe(3);
    expect(queueOf(state)).toEqual([]);
  });

  it('fills only from free stock: reserved and held units stay promised', () => {
    given([
      received(5),
      reserved('o1', 4),
      { type: 'StockHeld', data: { ...at, cartId: 'c1', holder: 'h1', quantity: 1, expiresAt } },
      backordered('o2', 2),
    ])
      .when(receive(1))
      .then([received(1), filled('o2', 1)]);
  });

  it('fills with what arrived only: units freed before stay on general sale', () => {
    const state = given([
      received(2),
      reserved('o1', 2),
      backordered('o2', 3),
      { type: 'StockReservationReleased', data: { ...at, orderId: 'o1', quantity: 2, reason: 'cancelled' } },
    ])
      .when(receive(1))
      .then([received(1), filled('o2', 1)]);
    expect(available(state)).toBe(2);
    expect(queueOf(state)).toEqual([{ orderId: 'o2', quantity: 2 }]);
  });

  it('appends nothing more when no backorder waits', () => {
    given([received(1), reserved('o1', 1)])
      .when(receive(2))
      .then([received(2)]);
  });

  it('skips a cancelled backorder: it gave up its place', () => {
    const state = given([backordered('o1', 2), backordered('o2', 3), cancelled('o1', 2)])
      .when(receive(2))
      .then([received(2), filled('o2', 2)]);
    expect(queueOf(state)).toEqual([{ orderId: 'o2', quantity: 1 }]);
  });

  it('a partial cancellation gives up the order’s newest units; the rest keep their place', () => {
    // o1 backordered 2, then o2 1, then o1's edit 3 more; o1 cancels 3.
    given([backordered('o1', 2), backordered('o2', 1), backordered('o1', 3), cancelled('o1', 3)])
      .when(receive(3))
      .then([received(3), filled('o1', 2), filled('o2', 1)]);
  });

  it('an order’s later units queue behind the backorders recorded before them', () => {
    given([backordered('o1', 1), backordered('o2', 1), backordered('o1', 1)])
      .when(receive(2))
      .then([received(2), filled('o1', 1), filled('o2', 1)]);
  });

  it('fills two entries of one order side by side as one event', () => {
    given([backordered('o1', 1), backordered('o1', 2), backordered('o2', 1)])
      .when(receive(4))
      .then([received(4), filled('o1', 3), filled('o2', 1)]);
  });

  it('fills on a transfer in', () => {
    given([backordered('o1', 2)])
      .when({
        type: 'TransferStockIn',
        data: { ...at, transferId: 't1', quantity: 1, fromLocation: 'paris' },
      })
      .then([
        { type: 'StockTransferredIn', data: { ...at, transferId: 't1', quantity: 1, fromLocation: 'paris' } },
        filled('o1', 1),
      ]);
  });

  it('fills on a return put back on the shelf, with what was not written off', () => {
    given([backordered('o1', 3)])
      .when({
        type: 'ReturnStock',
        data: {
          ...at,
          orderId: 'o9',
          returnId: 'r1',
          quantity: 3,
          writeOffs: [{ quantity: 1, reason: 'damage', note: null }],
        },
      })
      .then([
        { type: 'StockReturned', data: { ...at, orderId: 'o9', returnId: 'r1', quantity: 3 } },
        { type: 'StockAdjusted', data: { ...at, delta: -1, reason: 'damage', note: null } },
        filled('o1', 2),
      ]);
  });

  it('a fill makes the units shippable', () => {
    given([backordered('o1', 2), received(2), filled('o1', 2)])
      .when({ type: 'ShipStock', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 2 } })
      .then([{ type: 'StockShipped', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 2 } }]);
  });

  it('reads a state stored before the queue: its backorders wait by expiry', () => {
    const hold = (backorderedUnits: number, expiry: string) => ({
      reserved: 0,
      backordered: backorderedUnits,
      requested: backorderedUnits,
      expiresAt: expiry,
      shipmentIds: [],
    });
    let state = stockDecider.evolve(stockDecider.initialState(), backordered('o2', 1));
    state = stockDecider.evolve(state, backordered('o1', 2));
    if (state.status !== 'tracked') throw new Error('tracked');
    const { backorderQueue: _, ...rest } = state;
    const legacy = {
      ...rest,
      holds: { o1: hold(2, '2025-01-01T00:20:00Z'), o2: hold(1, '2025-01-01T00:10:00Z') },
    } as unknown as StockState;
    expect(stockDecider.decide(receive(2), legacy)).toEqual([received(2), filled('o2', 1), filled('o1', 1)]);
  });
});
