import { describe, expect, it } from 'vitest';
import { holdOf, holdsByOrder, stockDecider, type StockState } from './index.ts';

const at = { sku: 'MUG', location: 'berlin' } as const;
const hold = {
  reserved: 2,
  backordered: 0,
  requested: 2,
  expiresAt: '2025-01-01T00:15:00Z',
  shipmentIds: [],
};

describe('stock state', () => {
  it('reads a state stored with a plain record of holds, from before holds were a persistent map', () => {
    // As the notification consumer stored folded states as JSON before the change.
    const legacy = {
      status: 'tracked',
      ...at,
      onHand: 5,
      reserved: 2,
      backordered: 0,
      threshold: null,
      holds: { o1: hold },
      transferIds: [],
    } as unknown as StockState;
    expect(holdsByOrder(legacy)).toEqual({ o1: hold });
    expect(
      stockDecider.decide(
        {
          type: 'ReserveStock',
          data: { ...at, orderId: 'o1', quantity: 2, expiresAt: hold.expiresAt, allowBackorder: false },
        },
        legacy,
      ),
    ).toEqual([]);
    const after = stockDecider.evolve(legacy, {
      type: 'StockReservationReleased',
      data: { ...at, orderId: 'o1', quantity: 1, reason: 'cancelled' },
    });
    expect(after).toMatchObject({ reserved: 1 });
    expect(after.status === 'tracked' && holdOf(after, 'o1')).toMatchObject({ reserved: 1 });
  });

  it('survives a JSON round trip with many open holds', () => {
    let state = stockDecider.evolve(stockDecider.initialState(), {
      type: 'StockReceived',
      data: { ...at, quantity: 5_000, reference: null },
    });
    for (let i = 0; i < 2_000; i++) {
      state = stockDecider.evolve(state, {
        type: 'StockReserved',
        data: { ...at, orderId: `o${i}`, quantity: 2, expiresAt: hold.expiresAt },
      });
    }
    const back = JSON.parse(JSON.stringify(state)) as StockState;
    expect(back).toEqual(state);
    expect(Object.keys(holdsByOrder(back))).toHaveLength(2_000);
    expect(back.status === 'tracked' && holdOf(back, 'o1999')).toMatchObject({ reserved: 2 });
  });
});
