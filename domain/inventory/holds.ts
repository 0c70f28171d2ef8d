import { CannotExpire } from '../orders/errors.ts';
import { epochMillis, requireIsoTime, requireKey, requireOneOf, requirePositiveInt } from '../validation.ts';
import type { HoldStock, ReleaseHold } from './commands.ts';
import { HoldLimitExceeded } from './errors.ts';
import { holdReleaseReasons, type InventoryEvent } from './events.ts';
import { cartHoldOf, type StockLevels } from './state.ts';
import * as pmap from '../persistent-map.ts';
import { requireAvailable } from './stock-levels.ts';

/**
 * Sets units aside for a cart's checkout, from what is available (on hand less reserved and held),
 * within the caps. A cart holds once per stream: a live hold of the same quantity stays as it is
 * (its expiry is not pushed back), and any other hold of the cart is replaced: released as
 * `expired` when it has run out, as `line_changed` when its quantity differs.
 */
export function holdStock({ data }: HoldStock, s: StockLevels): InventoryEvent[] {
  const { sku, location, cartId, holder, quantity, expiresAt, maxPerCart, maxPerHolder, now } = data;
  requireKey('cartId', cartId);
  requireKey('holder', holder);
  requirePositiveInt('quantity', quantity);
  requireIsoTime('expiresAt', expiresAt);
  requireIsoTime('now', now);
  requirePositiveInt('maxPerCart', maxPerCart);
  requirePositiveInt('maxPerHolder', maxPerHolder);
  const existing = cartHoldOf(s, cartId);
  const events: InventoryEvent[] = [];
  let after = s;
  if (existing !== undefined) {
    const expired = epochMillis(now) >= epochMillis(existing.expiresAt);
    if (!expired && existing.quantity === quantity) return [];
    events.push({
      type: 'StockHoldReleased',
      data: {
        sku,
        location,
        cartId,
        holder: existing.holder,
        quantity: existing.quantity,
        reason: expired ? 'expired' : 'line_changed',
      },
    });
    after = withoutHold(s, cartId);
  }
  if (quantity > maxPerCart)
    throw new HoldLimitExceeded({
      sku,
      location,
      limit: 'cart',
      max: maxPerCart,
      held: 0,
      requested: quantity,
    });
  const byHolder = pmap.get(after.heldBy, holder) ?? 0;
  if (byHolder + quantity > maxPerHolder)
    throw new HoldLimitExceeded({
      sku,
      location,
      limit: 'customer',
      max: maxPerHolder,
      held: byHolder,
      requested: quantity,
    });
  requireAvailable(after, quantity);
  events.push({ type: 'StockHeld', data: { sku, location, cartId, holder, quantity, expiresAt } });
  return events;
}

/**
 * Ends the cart's hold here. A hold already gone (converted, released, never placed) leaves nothing
 * to do, so a line change or an abandonment after expiry appends nothing; the scheduler's `expired`
 * release is refused before the hold is due.
 */
export function releaseHold({ data }: ReleaseHold, s: StockLevels): InventoryEvent[] {
  const { sku, location, cartId, reason, now } = data;
  requireKey('cartId', cartId);
  requireOneOf('reason', reason, holdReleaseReasons);
  requireIsoTime('now', now);
  const hold = cartHoldOf(s, cartId);
  if (hold === undefined) return [];
  if (reason === 'expired' && epochMillis(now) < epochMillis(hold.expiresAt))
    throw new CannotExpire({
      aggregate: 'stock-hold',
      id: `${sku}@${location}/${cartId}`,
      expiresAt: hold.expiresAt,
      now,
      why: 'not_yet_due',
    });
  return [
    {
      type: 'StockHoldReleased',
      data: { sku, location, cartId, holder: hold.holder, quantity: hold.quantity, reason },
    },
  ];
}

/** The levels once the cart's hold is gone (what `StockHoldReleased` does), for deciding after it. */
export function withoutHold(s: StockLevels, cartId: string): StockLevels {
  const hold = cartHoldOf(s, cartId);
  if (hold === undefined) return s;
  return {
    ...s,
    held: s.held - hold.quantity,
    cartHolds: pmap.remove(s.cartHolds, cartId),
    heldBy: adjustHolder(s.heldBy, hold.holder, -hold.quantity),
  };
}

/** The levels with a new hold (what `StockHeld` does). */
export function withHold(
  s: StockLevels,
  cartId: string,
  hold: { holder: string; quantity: number; expiresAt: string },
): StockLevels {
  const base = withoutHold(s, cartId);
  return {
    ...base,
    held: base.held + hold.quantity,
    cartHolds: pmap.set(base.cartHolds, cartId, hold),
    heldBy: adjustHolder(base.heldBy, hold.holder, hold.quantity),
  };
}

function adjustHolder(heldBy: pmap.PersistentMap<number>, holder: string, delta: number) {
  const next = (pmap.get(heldBy, holder) ?? 0) + delta;
  return next > 0 ? pmap.set(heldBy, holder, next) : pmap.remove(heldBy, holder);
}
