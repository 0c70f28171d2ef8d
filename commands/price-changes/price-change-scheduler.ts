import { isPriceChangeEvent } from '../../domain/price-changes/index.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

export interface PriceChangeSchedulerOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  /** Applies one scheduled change (`priceChangeHandlers#applyScheduledPriceChange`). */
  apply: (changeId: string, context: CommandContext) => Promise<unknown>;
  /** One firing instance among the processes sharing the store; left out: this is the only one. */
  lease?: Lease;
  /** How often due changes are looked for when the clock cannot wake the scheduler. */
  intervalMs?: number;
  onError?: (error: unknown, changeId: string) => void;
}

/** Scheduled price changes waiting for their time, keyed by change id. */
export type PriceChangeScheduler = EventScheduler<string>;

/**
 * Applies a scheduled price change when its time comes. The schedule is the `pricechange-*` events:
 * scheduled adds the change at its `effectiveAt`; applied or cancelled takes it off. Applying twice
 * is refused by the change's stream, so a firing repeated after a takeover changes nothing.
 */
export function createPriceChangeScheduler(options: PriceChangeSchedulerOptions): PriceChangeScheduler {
  return createEventScheduler<string>({
    name: 'price-change-scheduler',
    store: options.store,
    filter: { categories: ['pricechange'] },
    schedule: (event) => {
      if (!isPriceChangeEvent(event)) return null;
      const key = event.data.changeId;
      return event.type === 'PriceChangeScheduled'
        ? { key, dueAt: event.data.effectiveAt }
        : { key, cancel: true };
    },
    action: options.apply,
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
