import { cartDecider, isCartEvent } from '../../domain/carts/index.ts';
import { cartStream } from '../../domain/streams.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { MailQueue, QueuedMail } from '../../ports/mail.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

/** How long a cart sits untouched before its one reminder goes (configurable; default 1 hour). */
export const DEFAULT_CART_IDLE_MS = 60 * 60_000;

export const cartReminderMail = (cartId: string): Omit<QueuedMail, 'eventId' | 'to'> => ({
  template: 'abandoned-cart',
  subject: 'You left something in your cart',
  paragraphs: [
    'Your cart is still waiting for you, with everything you put in it.',
    `Open the shop and go to your cart (${cartId}) to finish your order.`,
  ],
});

/**
 * Records the reminder on the cart (refused when it may not go: no email, no marketing consent,
 * checked out, merged, already sent), then queues the mail keyed by that event, so a second
 * firing after a takeover neither records nor mails again.
 */
export async function remindAbandonedCart(
  deps: { runtime: CommandRuntime; mail: MailQueue },
  cartId: string,
  context: CommandContext,
): Promise<void> {
  const stream = cartStream(cartId);
  const outcome = await handleCommand(
    deps.runtime,
    cartDecider,
    stream,
    { type: 'RecordReminder', data: { cartId, now: context.now } },
    context,
  );
  if (outcome.state.status === 'absent' || !outcome.state.email) return;
  await deps.mail.enqueue({
    eventId: `${stream}#${outcome.revision ?? 0}`,
    to: outcome.state.email.address,
    ...cartReminderMail(cartId),
  });
}

export interface CartReminderOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  idleMs?: number;
  remind: (cartId: string, context: CommandContext) => Promise<unknown>;
  lease?: Lease;
  intervalMs?: number;
  onError?: (error: unknown, cartId: string) => void;
}

/**
 * The abandoned-cart schedule, derived from the cart events: every shopper's change moves the
 * cart's due time to its time plus the idle time; checkout, a merge or the reminder itself takes
 * the cart off. Totals and claims are not the shopper touching the cart's contents, but they carry
 * the same time as the change they follow, so they reschedule to the same moment.
 */
export function createCartReminderScheduler(options: CartReminderOptions): EventScheduler<string> {
  const idleMs = options.idleMs ?? DEFAULT_CART_IDLE_MS;
  return createEventScheduler<string>({
    name: 'cart-reminder-scheduler',
    store: options.store,
    filter: { categories: ['cart'] },
    schedule: (event) => {
      if (!isCartEvent(event)) return null;
      const key = event.data.cartId;
      switch (event.type) {
        case 'CartCheckedOut':
        case 'CartMergedInto':
        case 'CartReminderSent':
          return { key, cancel: true };
        default:
          return { key, dueAt: new Date(Date.parse(event.data.at) + idleMs) };
      }
    },
    action: options.remind,
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
