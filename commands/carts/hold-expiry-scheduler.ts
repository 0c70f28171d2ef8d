import { isCartEvent } from '../../domain/carts/index.ts';
import { isInventoryEvent } from '../../domain/inventory/index.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

/**
 * What the scheduler fires: one hold at one stock stream (`hold`), or every hold of a cart that was
 * abandoned (`cart`). Keys are JSON, so SKUs and locations may hold any character.
 */
export type HoldKey =
  { kind: 'hold'; sku: string; location: string; cartId: string } | { kind: 'cart'; cartId: string };

export const holdKey = (key: HoldKey): string =>
  JSON.stringify(
    key.kind === 'hold' ? [key.kind, key.sku, key.location, key.cartId] : [key.kind, key.cartId],
  );

export function parseHoldKey(key: string): HoldKey {
  const parts = JSON.parse(key) as string[];
  return parts[0] === 'hold'
    ? { kind: 'hold', sku: parts[1]!, location: parts[2]!, cartId: parts[3]! }
    : { kind: 'cart', cartId: parts[1]! };
}

export interface HoldExpiryOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  /** Ends one hold as expired (refused before it is due; nothing to do once it is gone). */
  expire: (
    hold: { sku: string; location: string; cartId: string },
    context: CommandContext,
  ) => Promise<unknown>;
  /** Ends every hold of an abandoned cart. */
  abandon: (cartId: string, context: CommandContext) => Promise<unknown>;
  lease?: Lease;
  intervalMs?: number;
  onError?: (error: unknown, key: string) => void;
}

/**
 * Releases checkout holds when they run out, and all of a cart's holds when the cart is abandoned
 * (its first reminder went out, or it was merged into another cart). The schedule is derived from
 * the events: `StockHeld` schedules its hold at its `expiresAt`, `StockHoldReleased` takes it off
 * (whatever ended it), and the cart events schedule the cart's release at their own time.
 */
export function createHoldExpiryScheduler(options: HoldExpiryOptions): EventScheduler<string> {
  return createEventScheduler<string>({
    name: 'hold-expiry-scheduler',
    store: options.store,
    filter: {
      categories: ['stock', 'cart'],
      eventTypes: ['StockHeld', 'StockHoldReleased', 'CartReminderSent', 'CartMergedInto', 'CartCheckedOut'],
    },
    schedule: (event) => {
      if (isInventoryEvent(event)) {
        if (event.type !== 'StockHeld' && event.type !== 'StockHoldReleased') return null;
        const { sku, location, cartId } = event.data;
        const key = holdKey({ kind: 'hold', sku, location, cartId });
        return event.type === 'StockHeld' ? { key, dueAt: event.data.expiresAt } : { key, cancel: true };
      }
      if (!isCartEvent(event)) return null;
      const key = holdKey({ kind: 'cart', cartId: event.data.cartId });
      switch (event.type) {
        case 'CartReminderSent':
        case 'CartMergedInto':
          return { key, dueAt: event.data.at };
        case 'CartCheckedOut':
          return { key, cancel: true };
        default:
          return null;
      }
    },
    action: (key, context) => {
      const parsed = parseHoldKey(key);
      return parsed.kind === 'hold'
        ? options.expire(parsed, context)
        : options.abandon(parsed.cartId, context);
    },
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
