import { describe, expect, it } from 'vitest';
import { AlreadyExists, ValidationFailed } from '../errors.ts';
import { ShipmentExceedsAllocation, ShipmentExceedsOrdered } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  berlinShipment,
  captured,
  delivered,
  orderPlaced,
  parisShipment,
  shipment,
} from '../testing/order-fixtures.ts';
import { orderDecider, shippedQuantity, type CreateShipment } from './index.ts';

const given = specFor(orderDecider);
const ship = (
  shipmentId: string,
  location: string,
  lines: { lineId: string; quantity: number }[],
  extra: Partial<CreateShipment['data']> = {},
): CreateShipment => ({
  type: 'CreateShipment',
  data: {
    orderId: 'o1',
    shipmentId,
    location,
    carrier: 'DHL',
    trackingNumber: `T-${shipmentId}`,
    lines,
    ...extra,
  },
});
const paid = [orderPlaced, captured];

describe('CreateShipment', () => {
  it('ships part of the order from one location', () => {
    const state = given(paid)
      .when(
        ship('s1', 'berlin', [
          { lineId: 'l1', quantity: 2 },
          { lineId: 'l2', quantity: 1 },
        ]),
      )
      .then([berlinShipment]);
    expect(state).toMatchObject({ status: 'partially_shipped' });
  });

  it('completes the order with a split shipment from another location', () => {
    const state = given([...paid, berlinShipment])
      .when(ship('s2', 'paris', [{ lineId: 'l2', quantity: 2 }]))
      .then([parisShipment]);
    expect(state).toMatchObject({ status: 'shipped' });
    if (state.status !== 'none') expect(shippedQuantity(state, 'l2')).toBe(3);
  });

  it('ships part of a line and the rest later', () => {
    const first = shipment('s1', 'berlin', [{ lineId: 'l1', sku: 'MUG', quantity: 1 }]);
    given(paid)
      .when(ship('s1', 'berlin', [{ lineId: 'l1', quantity: 1 }]))
      .then([first]);
    given([...paid, first])
      .when(ship('s3', 'berlin', [{ lineId: 'l1', quantity: 1 }]))
      .then([shipment('s3', 'berlin', [{ lineId: 'l1', sku: 'MUG', quantity: 1 }])]);
  });

  it('refuses to ship more than ordered minus shipped', () => {
    given([...paid, berlinShipment])
      .when(ship('s2', 'berlin', [{ lineId: 'l1', quantity: 1 }]))
      .thenThrows(ShipmentExceedsOrdered, { lineId: 'l1', ordered: 2, alreadyShipped: 2, requested: 1 });
  });

  it('refuses to ship more than was reserved at that location', () => {
    given(paid)
      .when(ship('s1', 'paris', [{ lineId: 'l2', quantity: 3 }]))
      .thenThrows(ShipmentExceedsAllocation, {
        lineId: 'l2',
        location: 'paris',
        allocated: 2,
        alreadyShipped: 0,
        requested: 3,
      });
    given(paid)
      .when(ship('s1', 'paris', [{ lineId: 'l1', quantity: 1 }]))
      .thenThrows(ShipmentExceedsAllocation, { lineId: 'l1', location: 'paris', allocated: 0 });
  });

  it('refuses to reuse a shipment id', () => {
    given([...paid, berlinShipment])
      .when(ship('s1', 'paris', [{ lineId: 'l2', quantity: 2 }]))
      .thenThrows(AlreadyExists, { aggregate: 'shipment', id: 's1' });
  });

  it.each<[string, CreateShipment]>([
    ['shipmentId', ship('', 'berlin', [{ lineId: 'l1', quantity: 1 }])],
    ['location', ship('s1', 'ber lin', [{ lineId: 'l1', quantity: 1 }])],
    ['carrier', ship('s1', 'berlin', [{ lineId: 'l1', quantity: 1 }], { carrier: '' })],
    ['trackingNumber', ship('s1', 'berlin', [{ lineId: 'l1', quantity: 1 }], { trackingNumber: ' ' })],
    ['lines', ship('s1', 'berlin', [])],
    [
      'lines[1]',
      ship('s1', 'berlin', [
        { lineId: 'l1', quantity: 1 },
        { lineId: 'l1', quantity: 1 },
      ]),
    ],
    ['lines[0].lineId', ship('s1', 'berlin', [{ lineId: 'l9', quantity: 1 }])],
    ['lines[0].quantity', ship('s1', 'berlin', [{ lineId: 'l1', quantity: 0 }])],
  ])('refuses an invalid %s', (field, command) => {
    given(paid).when(command).thenThrows(ValidationFailed, { field });
  });
});

describe('MarkDelivered', () => {
  it('delivers a shipped order', () => {
    const state = given([...paid, berlinShipment, parisShipment])
      .when({ type: 'MarkDelivered', data: { orderId: 'o1' } })
      .then([delivered]);
    expect(state).toMatchObject({ status: 'delivered' });
  });
});
