import { describe, expect, it } from 'vitest';
import { AlreadyExists, ValidationFailed } from '../errors.ts';
import { CannotExpire } from '../orders/errors.ts';
import { DuplicateReservation, InsufficientStock, ReservationExceeded } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { available, holdsByOrder, stockDecider, type InventoryEvent, type ReleaseReason } from './index.ts';

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
const reserve = (orderId: string, quantity: number, allowBackorder = false) =>
  ({ type: 'ReserveStock', data: { ...at, orderId, quantity, expiresAt, allowBackorder } }) as const;
const release = (orderId: string, quantity: number, reason: ReleaseReason = 'cancelled', now = expiresAt) =>
  ({ type: 'ReleaseReservation', data: { ...at, orderId, quantity, reason, now } }) as const;
const ship = (orderId: string, quantity: number, shipmentId = 's1') =>
  ({ type: 'ShipStock', data: { ...at, orderId, shipmentId, quantity } }) as const;

describe('ReserveStock', () => {
  it('reserves from available stock', () => {
    const state = given([received(5)])
      .when(reserve('o1', 5))
      .then([reserved('o1', 5)]);
    expect(available(state)).toBe(0);
    expect(state).toMatchObject({ onHand: 5, reserved: 5 });
  });

  it('refuses to oversell, naming what is available', () => {
    given([received(5), reserved('o1', 3)])
      .when(reserve('o2', 3))
      .thenThrows(InsufficientStock, { sku: 'MUG', location: 'berlin', requested: 3, available: 2 });
  });

  it('refuses on a stream that never received stock', () => {
    given([]).when(reserve('o1', 1)).thenThrows(InsufficientStock, { available: 0 });
  });

  it('reserves what it can and backorders the rest when the SKU allows backorder', () => {
    const state = given([received(5), reserved('o1', 3)])
      .when(reserve('o2', 5, true))
      .then([reserved('o2', 2), backordered('o2', 3)]);
    expect(state).toMatchObject({ onHand: 5, reserved: 5, backordered: 3 });
    expect(available(state)).toBe(0);
  });

  it('backorders everything when nothing is available', () => {
    given([])
      .when(reserve('o1', 4, true))
      .then([backordered('o1', 4)]);
  });

  it('reserves normally when a backorderable SKU has enough', () => {
    given([received(5)])
      .when(reserve('o1', 5, true))
      .then([reserved('o1', 5)]);
  });

  it('treats the same reservation for the same order as a no-op', () => {
    given([received(5), reserved('o1', 3)])
      .when(reserve('o1', 3))
      .thenNothing();
    given([reserved('o1', 2), backordered('o1', 3)])
      .when(reserve('o1', 5, true))
      .thenNothing();
  });

  it('refuses a different quantity for an order that already holds stock here', () => {
    given([received(5), reserved('o1', 3)])
      .when(reserve('o1', 4))
      .thenThrows(DuplicateReservation, { orderId: 'o1', existing: 3, requested: 4 });
  });

  it("extends an order's hold with an edit's units, all or nothing, or backordered where allowed", () => {
    const extend = (quantity: number, allowBackorder = false) =>
      ({
        ...reserve('o1', quantity, allowBackorder),
        data: { ...reserve('o1', quantity, allowBackorder).data, extend: true },
      }) as const;
    const state = given([received(5), reserved('o1', 3)])
      .when(extend(2))
      .then([reserved('o1', 2)]);
    expect(holdsByOrder(state)['o1']).toMatchObject({ reserved: 5, requested: 5 });
    given([received(5), reserved('o1', 3)])
      .when(extend(3))
      .thenThrows(InsufficientStock, { requested: 3, available: 2 });
    given([received(5), reserved('o1', 3)])
      .when(extend(3, true))
      .then([reserved('o1', 2), backordered('o1', 1)]);
  });

  it('refuses a malformed reservation', () => {
    given([received(5)])
      .when(reserve('o1', 0))
      .thenThrows(ValidationFailed, { field: 'quantity' });
    given([received(5)])
      .when(reserve('', 1))
      .thenThrows(ValidationFailed, { field: 'orderId' });
    given([received(5)])
      .when({
        type: 'ReserveStock',
        data: { ...at, orderId: 'o1', quantity: 1, expiresAt: 'later', allowBackorder: false },
      })
      .thenThrows(ValidationFailed, { field: 'expiresAt' });
  });

  it('keeps an order id such as __proto__ as an ordinary hold', () => {
    const state = given([received(5)])
      .when(reserve('__proto__', 2))
      .then([reserved('__proto__', 2)]);
    expect(state).toMatchObject({ reserved: 2 });
    given([received(5), reserved('__proto__', 2)])
      .when(ship('__proto__', 2))
      .then([{ type: 'StockShipped', data: { ...at, orderId: '__proto__', shipmentId: 's1', quantity: 2 } }]);
  });
});

describe('FillBackorder', () => {
  const fill = (quantity: number) =>
    ({ type: 'FillBackorder', data: { ...at, orderId: 'o1', quantity } }) as const;

  it('moves backordered quantity into the reservation once stock arrives', () => {
    const state = given([backordered('o1', 4), received(3)])
      .when(fill(3))
      .then([{ type: 'BackorderFilled', data: { ...at, orderId: 'o1', quantity: 3 } }]);
    expect(state).toMatchObject({ onHand: 3, reserved: 3, backordered: 1 });
    expect(holdsByOrder(state)).toMatchObject({ o1: { reserved: 3, backordered: 1 } });
  });

  it('refuses more than is backordered for the order', () => {
    given([backordered('o1', 2), received(5)])
      .when(fill(3))
      .thenThrows(ReservationExceeded, { orderId: 'o1', held: 2, requested: 3 });
  });

  it('refuses more than is available', () => {
    given([backordered('o1', 4), received(1)])
      .when(fill(2))
      .thenThrows(InsufficientStock, { available: 1 });
  });

  it('refuses a zero quantity', () => {
    given([backordered('o1', 4)])
      .when(fill(0))
      .thenThrows(ValidationFailed, { field: 'quantity' });
  });
});

describe('ReleaseReservation', () => {
  it.each(['cancelled', 'payment_failed'] as const)('releases a reservation (%s)', (reason) => {
    const state = given([received(5), reserved('o1', 3)])
      .when(release('o1', 3, reason))
      .then([{ type: 'StockReservationReleased', data: { ...at, orderId: 'o1', quantity: 3, reason } }]);
    expect(state).toMatchObject({ onHand: 5, reserved: 0 });
    expect(holdsByOrder(state)).toEqual({});
  });

  it('releases part of a reservation', () => {
    const state = given([received(5), reserved('o1', 3)])
      .when(release('o1', 1))
      .then([
        {
          type: 'StockReservationReleased',
          data: { ...at, orderId: 'o1', quantity: 1, reason: 'cancelled' },
        },
      ]);
    expect(state).toMatchObject({ reserved: 2 });
    expect(holdsByOrder(state)).toMatchObject({ o1: { reserved: 2 } });
  });

  it('cancels the backordered part first', () => {
    given([received(2), reserved('o1', 2), backordered('o1', 3)])
      .when(release('o1', 5))
      .then([
        { type: 'BackorderCancelled', data: { ...at, orderId: 'o1', quantity: 3, reason: 'cancelled' } },
        {
          type: 'StockReservationReleased',
          data: { ...at, orderId: 'o1', quantity: 2, reason: 'cancelled' },
        },
      ]);
    given([received(2), reserved('o1', 2), backordered('o1', 3)])
      .when(release('o1', 2))
      .then([
        { type: 'BackorderCancelled', data: { ...at, orderId: 'o1', quantity: 2, reason: 'cancelled' } },
      ]);
  });

  it('releases an expired reservation once it is due', () => {
    given([received(5), reserved('o1', 3)])
      .when(release('o1', 3, 'expired', '2025-01-01T00:15:00Z'))
      .then([
        { type: 'StockReservationReleased', data: { ...at, orderId: 'o1', quantity: 3, reason: 'expired' } },
      ]);
  });

  it('refuses to expire a reservation before it is due', () => {
    given([received(5), reserved('o1', 3)])
      .when(release('o1', 3, 'expired', '2025-01-01T00:14:59Z'))
      .thenThrows(CannotExpire, { expiresAt, now: '2025-01-01T00:14:59Z', why: 'not_yet_due' });
  });

  it('refuses to release more than the order holds', () => {
    given([received(5), reserved('o1', 3)])
      .when(release('o1', 4))
      .thenThrows(ReservationExceeded, { orderId: 'o1', held: 3, requested: 4 });
  });

  it('refuses to release for an order that holds nothing here', () => {
    given([received(5), reserved('o1', 3)])
      .when(release('o2', 1))
      .thenThrows(ReservationExceeded, { orderId: 'o2', held: 0 });
  });

  it('refuses a malformed release', () => {
    given([reserved('o1', 1)])
      .when(release('o1', 0))
      .thenThrows(ValidationFailed, { field: 'quantity' });
    given([reserved('o1', 1)])
      .when(release('o1', 1, 'bored' as never))
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([reserved('o1', 1)])
      .when(release('o1', 1, 'cancelled', 'now'))
      .thenThrows(ValidationFailed, { field: 'now' });
  });
});

describe('ShipStock', () => {
  it('consumes the reservation and on-hand stock', () => {
    const state = given([received(5), reserved('o1', 3)])
      .when(ship('o1', 3))
      .then([{ type: 'StockShipped', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 3 } }]);
    expect(state).toMatchObject({ onHand: 2, reserved: 0 });
    expect(holdsByOrder(state)).toEqual({});
    expect(available(state)).toBe(2);
  });

  it('ships part of a reservation', () => {
    const state = given([received(5), reserved('o1', 3)])
      .when(ship('o1', 1))
      .then([{ type: 'StockShipped', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 1 } }]);
    expect(state).toMatchObject({ onHand: 4, reserved: 2 });
    expect(holdsByOrder(state)).toMatchObject({ o1: { reserved: 2, shipmentIds: ['s1'] } });
  });

  it('refuses to ship the same shipment twice', () => {
    given([
      received(5),
      reserved('o1', 3),
      { type: 'StockShipped', data: { ...at, orderId: 'o1', shipmentId: 's1', quantity: 1 } },
    ])
      .when(ship('o1', 1))
      .thenThrows(AlreadyExists, { aggregate: 'shipment', id: 's1' });
  });

  it('refuses to ship more than reserved for the order', () => {
    given([received(5), reserved('o1', 3)])
      .when(ship('o1', 4))
      .thenThrows(ReservationExceeded, { orderId: 'o1', held: 3, requested: 4 });
  });

  it('refuses to ship a backordered quantity before it is filled', () => {
    given([received(5), reserved('o1', 1), backordered('o1', 2)])
      .when(ship('o1', 2))
      .thenThrows(ReservationExceeded, { held: 1, requested: 2 });
  });

  it('refuses to ship without a reservation', () => {
    given([received(5)])
      .when(ship('o1', 1))
      .thenThrows(ReservationExceeded, { held: 0 });
  });

  it('refuses a malformed shipment', () => {
    given([reserved('o1', 1)])
      .when(ship('o1', 1, ''))
      .thenThrows(ValidationFailed, { field: 'shipmentId' });
    given([reserved('o1', 1)])
      .when(ship('o1', -1))
      .thenThrows(ValidationFailed, { field: 'quantity' });
  });
});

describe('evolve', () => {
  it('ignores hold events for orders that hold nothing', () => {
    const base = stockDecider.evolve(stockDecider.initialState(), received(5));
    for (const event of [
      { type: 'BackorderFilled', data: { ...at, orderId: 'x', quantity: 1 } },
      { type: 'BackorderCancelled', data: { ...at, orderId: 'x', quantity: 1, reason: 'cancelled' } },
      { type: 'StockReservationReleased', data: { ...at, orderId: 'x', quantity: 1, reason: 'cancelled' } },
      { type: 'StockShipped', data: { ...at, orderId: 'x', shipmentId: 's', quantity: 1 } },
    ] satisfies InventoryEvent[]) {
      expect(stockDecider.evolve(base, event)).toEqual(base);
    }
  });
});
