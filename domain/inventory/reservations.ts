import { AlreadyExists } from '../errors.ts';
import { CannotExpire } from '../orders/errors.ts';
import { DuplicateReservation, ReservationExceeded } from './errors.ts';
import { epochMillis, requireIsoTime, requireKey, requireOneOf, requirePositiveInt } from '../validation.ts';
import type { FillBackorder, ReleaseReservation, ReserveStock, ShipStock } from './commands.ts';
import { releaseReasons, type InventoryEvent } from './events.ts';
import { cartHoldOf, freeOf, holdOf, type StockLevels } from './state.ts';
import { withoutHold } from './holds.ts';
import { requireAvailable } from './stock-levels.ts';

/**
 * Reserves all or nothing, except for a SKU allowed to backorder: that reserves what is available
 * and records the rest as a backorder. Repeating the same reservation for an order is a no-op, so a
 * placement that crashed half-way can simply run again; a different quantity is refused. An edit's
 * `extend` adds its units to the order's hold instead (a retried edit is found by its request key
 * before it gets here).
 */
export function reserveStock({ data }: ReserveStock, before: StockLevels): InventoryEvent[] {
  const { sku, location, orderId, quantity, expiresAt, allowBackorder } = data;
  requireKey('orderId', orderId);
  requirePositiveInt('quantity', quantity);
  requireIsoTime('expiresAt', expiresAt);
  const hold = holdOf(before, orderId);
  if (hold !== undefined && data.extend !== true) {
    if (hold.requested === quantity) return [];
    throw new DuplicateReservation({ sku, location, orderId, existing: hold.requested, requested: quantity });
  }
  // A checkout hold becomes the reservation: its units are free for it, and the reservation
  // records that it took the hold over (`convertedHold`), in the one event.
  const cartHold = data.fromHold === undefined ? undefined : cartHoldOf(before, data.fromHold);
  const converted =
    cartHold === undefined
      ? {}
      : { convertedHold: { cartId: data.fromHold!, holder: cartHold.holder, quantity: cartHold.quantity } };
  const s = cartHold === undefined ? before : withoutHold(before, data.fromHold!);
  const available = freeOf(s);
  if (quantity <= available || !allowBackorder) {
    requireAvailable(s, quantity);
    return [{ type: 'StockReserved', data: { sku, location, orderId, quantity, expiresAt, ...converted } }];
  }
  const events: InventoryEvent[] = [];
  if (available > 0) {
    events.push({
      type: 'StockReserved',
      data: { sku, location, orderId, quantity: available, expiresAt, ...converted },
    });
  } else if (cartHold !== undefined) {
    // Nothing to reserve here, all of it backordered: the hold ends on its own event.
    const { holder, quantity: held } = cartHold;
    events.push({
      type: 'StockHoldReleased',
      data: { sku, location, cartId: data.fromHold!, holder, quantity: held, reason: 'converted' },
    });
  }
  const short = quantity - Math.max(available, 0);
  events.push({ type: 'BackorderRecorded', data: { sku, location, orderId, quantity: short, expiresAt } });
  return events;
}

export function fillBackorder({ data }: FillBackorder, s: StockLevels): InventoryEvent[] {
  const { sku, location, orderId, quantity } = data;
  requirePositiveInt('quantity', quantity);
  const held = holdOf(s, orderId)?.backordered ?? 0;
  if (quantity > held) throw new ReservationExceeded({ sku, location, orderId, held, requested: quantity });
  requireAvailable(s, quantity);
  return [{ type: 'BackorderFilled', data: { sku, location, orderId, quantity } }];
}

/** The backordered part goes first: it holds no physical stock, so cancelling it frees nothing twice. */
export function releaseReservation({ data }: ReleaseReservation, s: StockLevels): InventoryEvent[] {
  const { sku, location, orderId, quantity, reason, now } = data;
  requirePositiveInt('quantity', quantity);
  requireOneOf('reason', reason, releaseReasons);
  requireIsoTime('now', now);
  const hold = holdOf(s, orderId);
  const held = hold === undefined ? 0 : hold.reserved + hold.backordered;
  if (hold === undefined || quantity > held) {
    throw new ReservationExceeded({ sku, location, orderId, held, requested: quantity });
  }
  if (reason === 'expired' && epochMillis(now) < epochMillis(hold.expiresAt)) {
    throw new CannotExpire({
      aggregate: 'stock',
      id: `${sku}@${location}/${orderId}`,
      expiresAt: hold.expiresAt,
      now,
      why: 'not_yet_due',
    });
  }
  const fromBackorder = Math.min(quantity, hold.backordered);
  const fromReserved = quantity - fromBackorder;
  const events: InventoryEvent[] = [];
  if (fromBackorder > 0) {
    events.push({
      type: 'BackorderCancelled',
      data: { sku, location, orderId, quantity: fromBackorder, reason },
    });
  }
  if (fromReserved > 0) {
    events.push({
      type: 'StockReservationReleased',
      data: { sku, location, orderId, quantity: fromReserved, reason },
    });
  }
  return events;
}

/** Partial shipping is allowed; a backordered quantity must be filled before it can ship. */
export function shipStock({ data }: ShipStock, s: StockLevels): InventoryEvent[] {
  const { sku, location, orderId, shipmentId, quantity } = data;
  requireKey('shipmentId', shipmentId);
  requirePositiveInt('quantity', quantity);
  const hold = holdOf(s, orderId);
  if (hold?.shipmentIds.includes(shipmentId))
    throw new AlreadyExists({ aggregate: 'shipment', id: shipmentId });
  const held = hold?.reserved ?? 0;
  if (quantity > held) throw new ReservationExceeded({ sku, location, orderId, held, requested: quantity });
  return [{ type: 'StockShipped', data: { sku, location, orderId, shipmentId, quantity } }];
}
