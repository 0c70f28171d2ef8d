import { isOrderEvent } from '../../domain/orders/events.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

export interface ExpirySchedulerOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  /** Cancels one order as expired (releasing its stock). */
  expire: (orderId: string, context: CommandContext) => Promise<unknown>;
  /**
   * One expiring instance among the processes sharing the store. Left out, this process assumes it
   * is the only one (embedded mode, tests).
   */
  lease?: Lease;
  /** How often due orders are looked for when the clock cannot wake the scheduler (a test clock). */
  intervalMs?: number;
  onError?: (error: unknown, orderId: string) => void;
}

/** Orders waiting for payment, keyed by order id. */
export type ExpiryScheduler = EventScheduler<string>;

/**
 * Cancels orders left unpaid past their deadline and releases their stock. The schedule comes from
 * the order events themselves: placed adds a deadline; paid or cancelled removes it.
 */
export function createExpiryScheduler(options: ExpirySchedulerOptions): ExpiryScheduler {
  return createEventScheduler<string>({
    name: 'expiry-scheduler',
    store: options.store,
    filter: {
      categories: ['order'],
      eventTypes: ['OrderPlaced', 'PaymentAuthorized', 'PaymentCaptured', 'OrderCancelled'],
    },
    schedule: (event) => {
      if (!isOrderEvent(event)) return null;
      const key = event.data.orderId;
      return event.type === 'OrderPlaced' ? { key, dueAt: event.data.expiresAt } : { key, cancel: true };
    },
    action: options.expire,
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
