import { isInventoryEvent } from '../../domain/inventory/index.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

/** One hold at one stock stream, as a key (JSON, so SKUs and locations may hold any character). */
export type HoldKey = { sku: string; location: string; cartId: string };

export const holdKey = (key: HoldKey): string => JSON.stringify([key.sku, key.location, key.cartId]);

export function parseHoldKey(key: string): HoldKey {
  const [sku, location, cartId] = JSON.parse(key) as [string, string, string];
  return { sku, location, cartId };
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
  lease?: Lease;
  intervalMs?: number;
  onError?: (error: unknown, key: string) => void;
}

/**
 * Releases checkout holds when they run out. The schedule is derived from the stock events:
 * `StockHeld` schedules its hold at its `expiresAt`, `StockHoldReleased` takes it off (whatever
 * ended it: a line change, abandonment, or this scheduler), and so does a checkout's
 * `StockReserved` that took the hold over (`convertedHold`).
 */
export function createHoldExpiryScheduler(options: HoldExpiryOptions): EventScheduler<string> {
  return createEventScheduler<string>({
    name: 'hold-expiry-scheduler',
    store: options.store,
    filter: { categories: ['stock'], eventTypes: ['StockHeld', 'StockHoldReleased', 'StockReserved'] },
    schedule: (event) => {
      if (!isInventoryEvent(event)) return null;
      if (event.type === 'StockHeld') return { key: holdKey(event.data), dueAt: event.data.expiresAt };
      if (event.type === 'StockHoldReleased') return { key: holdKey(event.data), cancel: true };
      // A checkout's reservation that took the hold over ends it too.
      if (event.type === 'StockReserved' && event.data.convertedHold)
        return { key: holdKey({ ...event.data, cartId: event.data.convertedHold.cartId }), cancel: true };
      return null;
    },
    action: (key, context) => options.expire(parseHoldKey(key), context),
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
