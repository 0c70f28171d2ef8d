import { isPromotionEvent } from '../../domain/promotions/index.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

export interface PromotionWindowSchedulerOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  /** Expires one promotion with the reason `window_closed` (`promotionHandlers#expirePromotion`). */
  expire: (promotionId: string, context: CommandContext) => Promise<unknown>;
  /** One firing instance among the processes sharing the store; left out: this is the only one. */
  lease?: Lease;
  /** How often due promotions are looked for when the clock cannot wake the scheduler. */
  intervalMs?: number;
  onError?: (error: unknown, promotionId: string) => void;
}

/** Promotions waiting for their window to close, keyed by promotion id. */
export type PromotionWindowScheduler = EventScheduler<string>;

/**
 * Ends a promotion for good when its window closes (`rules.endsAt`), so the staff views, the
 * storefront and the audit show it expired, with the reason, rather than active but inapplicable.
 * Evaluation already ignores a promotion outside its window, to the millisecond of the checkout's
 * clock, so no order gets a discount between the window's end and this firing; the firing records
 * the end. The start needs no command: a promotion activated before its window opens applies from
 * `startsAt` by evaluation alone.
 *
 * The schedule follows the promotion's events. The end time is in the definition (created or
 * edited), but activation must reschedule too: a draft whose window closed is refused (only an
 * active or paused promotion expires), and when it is activated later the key comes back due at
 * once. So the last known `endsAt` of each promotion is remembered here, folded from the same log
 * at every start, which keeps the schedule a function of the events alone.
 */
export function createPromotionWindowScheduler(
  options: PromotionWindowSchedulerOptions,
): PromotionWindowScheduler {
  const endsAt = new Map<string, string | null>();
  return createEventScheduler<string>({
    name: 'promotion-window-scheduler',
    store: options.store,
    filter: { categories: ['promotion'] },
    schedule: (event) => {
      if (!isPromotionEvent(event)) return null;
      const key = event.data.promotionId;
      switch (event.type) {
        case 'PromotionCreated':
        case 'PromotionEdited':
          endsAt.set(key, event.data.definition.rules.endsAt);
          break;
        case 'PromotionExpired':
        case 'PromotionArchived':
          // Both are final for the window: nothing can make the promotion apply again.
          endsAt.delete(key);
          return { key, cancel: true };
        case 'PromotionActivated':
        case 'PromotionPaused':
          break;
      }
      const end = endsAt.get(key) ?? null;
      return end === null ? { key, cancel: true } : { key, dueAt: end };
    },
    action: options.expire,
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
