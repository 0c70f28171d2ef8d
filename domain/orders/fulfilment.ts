import { AlreadyExists, ValidationFailed } from '../errors.ts';
import { ShipmentExceedsAllocation, ShipmentExceedsOrdered } from './errors.ts';
import { requireKey, requirePositiveInt, requireText, requireUnique } from '../validation.ts';
import type { CreateShipment, MarkDelivered } from './commands.ts';
import type { OrderEvent, ShipmentLine } from './events.ts';
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
  return [
    { type: 'ShipmentCreated', data: { orderId, shipmentId, location, carrier, trackingNumber, lines } },
  ];
}

export function markDelivered({ data }: MarkDelivered): OrderEvent[] {
  return [{ type: 'OrderDelivered', data: { orderId: data.orderId } }];
}
