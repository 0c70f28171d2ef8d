import { AlreadyExists, ValidationFailed } from '../errors.ts';
import { ShipmentExceedsAllocation, ShipmentExceedsOrdered } from './errors.ts';
import {
  requireIsoTime,
  requireKey,
  requireLength,
  requireOneOf,
  requirePositiveInt,
  requireText,
  requireUnique,
} from '../validation.ts';
import type { CreateShipment, MarkDelivered, RecordTracking } from './commands.ts';
import { trackingStatuses, type OrderEvent, type ShipmentLine } from './events.ts';
import { shippedQuantity, type ExistingOrder } from './state.ts';

/**
 * A shipment leaves from one location and can only take what was reserved there for each line,
 * because that is the stock stream whose reservation it consumes. Partial and split shipments
 * are both just shipments.
 */
export function createShipment({ data }: CreateShipment, order: ExistingOrder): OrderEvent[] {
  const { orderId, shipmentId, location, carrier, trackingNumber } = data;
  requireKey('shipmentId', shipmentId);
  requireKey('location', location);
  requireText('carrier', carrier, 100);
  requireText('trackingNumber', trackingNumber, 100);
  if (data.lines.length === 0) throw new ValidationFailed('lines', 'must not be empty');
  requireUnique(
    'lines',
    data.lines.map((l) => l.lineId),
  );
  if (order.shipments.some((s) => s.shipmentId === shipmentId)) {
    throw new AlreadyExists({ aggregate: 'shipment', id: shipmentId });
  }
  const lines = data.lines.map(({ lineId, quantity }, i): ShipmentLine => {
    requirePositiveInt(`lines[${i}].quantity`, quantity);
    const line = order.lines.find((l) => l.lineId === lineId);
    if (line === undefined) throw new ValidationFailed(`lines[${i}].lineId`, 'is not a line of this order');
    const alreadyShipped = shippedQuantity(order, lineId);
    if (alreadyShipped + quantity > line.quantity) {
      throw new ShipmentExceedsOrdered({
        lineId,
        ordered: line.quantity,
        alreadyShipped,
        requested: quantity,
      });
    }
    const allocated = line.allocations.find((a) => a.location === location)?.quantity ?? 0;
    const shippedHere = shippedQuantity(order, lineId, location);
    if (shippedHere + quantity > allocated) {
      throw new ShipmentExceedsAllocation({
        lineId,
        location,
        allocated,
        alreadyShipped: shippedHere,
        requested: quantity,
      });
    }
    return { lineId, sku: line.sku, quantity };
  });
  const created: OrderEvent = {
    type: 'ShipmentCreated',
    data: { orderId, shipmentId, location, carrier, trackingNumber, lines },
  };
  if (!data.label) return [created];
  const { provider, providerShipmentId, service, labelUrl, cost } = data.label;
  return [
    created,
    {
      type: 'ShipmentLabelBought',
      data: {
        orderId,
        customerId: order.customerId,
        shipmentId,
        provider,
        providerShipmentId,
        carrier,
        service,
        trackingNumber,
        labelUrl,
        cost,
      },
    },
  ];
}

/**
 * A carrier's tracking update for one of the order's shipments. When the last parcel of a fully
 * shipped order is delivered, the order is delivered too: nobody has to mark it by hand.
 */
export function recordTracking({ data }: RecordTracking, order: ExistingOrder): OrderEvent[] {
  const shipment = order.shipments.find((s) => s.shipmentId === data.shipmentId);
  if (!shipment) throw new ValidationFailed('shipmentId', 'is not a shipment of this order');
  requireOneOf('status', data.status, trackingStatuses);
  requireIsoTime('at', data.at);
  requireKey('trackingEventId', data.trackingEventId);
  if (data.detail !== null) requireLength('detail', data.detail, 500);
  const tracked: OrderEvent = { type: 'ShipmentTracked', data: { ...data, customerId: order.customerId } };
  const allDelivered = order.shipments.every(
    (s) => s.shipmentId === data.shipmentId || s.tracking === 'delivered',
  );
  return data.status === 'delivered' && order.status === 'shipped' && allDelivered
    ? [tracked, { type: 'OrderDelivered', data: { orderId: data.orderId } }]
    : [tracked];
}

export function markDelivered({ data }: MarkDelivered): OrderEvent[] {
  return [{ type: 'OrderDelivered', data: { orderId: data.orderId } }];
}
