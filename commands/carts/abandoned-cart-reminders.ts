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
import { releaseAbandonedHolds } from './checkout-holds.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { newCartSecret } from './cart-secret.ts';
import { noCartRecovery, recoveryCode, restoreLink, type CartRecoverySettings } from './cart-recovery.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

/**
 * The reminder sequence: each step goes once a cart has sat untouched that long since it was last
 * touched (configurable, `QM_CART_REMINDER_STEPS_MINUTES`; default 1 hour, then 24 hours).
 */
export const DEFAULT_CART_REMINDER_DELAYS_MS: readonly number[] = [60 * 60_000, 24 * 60 * 60_000];

/**
 * The mail of a step: the first a nudge, the later ones a last call; with the restore link and the
 * recovery code when the shop configured them.
 */
export const cartReminderMail = (
  cartId: string,
  step = 0,
  recovery: { link?: string | null; code?: string | null } = {},
): Omit<QueuedMail, 'eventId' | 'to'> => ({
  template: 'abandoned-cart',
  subject: step === 0 ? 'You left something in your cart' : 'Your cart is still waiting for you',
  paragraphs: [
    step === 0
      ? 'Your cart is still waiting for you, with everything you put in it.'
      : 'We kept your cart as you left it. Prices and stock can change, so do not wait too long.',
    recovery.link
      ? `Pick up where you left off: ${recovery.link}`
      : `Open the shop and go to your cart (${cartId}) to finish your order.`,
    ...(recovery.code
      ? [`Your code ${recovery.code} is applied to this cart when you open it from this mail; it works once.`]
      : []),
  ],
});

export interface CartReminderDeps {
  runtime: CommandRuntime;
  mail: MailQueue;
  delaysMs?: readonly number[];
  /** The restore link and the recovery code (none by default). */
  recovery?: CartRecoverySettings;
}

/**
 * Records the sequence's next step on the cart (refused when it may not go: not idle long enough,
 * no email, no marketing consent, checked out, merged, every step sent), then queues the mail keyed
 * by that event, so a second firing after a takeover neither records nor mails again. The step
 * records the hash of its restore link's secret and the cart's recovery code (issued once per cart,
 * and only once the step is known to go: it is decided on the cart first).
 */
export async function remindAbandonedCart(
  deps: CartReminderDeps,
  cartId: string,
  context: CommandContext,
): Promise<void> {
  const stream = cartStream(cartId);
  const delaysMs = deps.delaysMs ?? DEFAULT_CART_REMINDER_DELAYS_MS;
  const recovery = deps.recovery ?? noCartRecovery;
  const record = { type: 'RecordReminder', data: { cartId, now: context.now, delaysMs } } as const;
  let couponCode: string | null = null;
  if (recovery.promotionId !== null) {
    const { state } = await loadAggregate(
      deps.runtime.store,
      cartDecider,
      stream,
      deps.runtime.cache,
      false,
      deps.runtime.upcasters,
    );
    cartDecider.decide(record, state); // a refusal here issues no code
    couponCode =
      (state.status === 'absent' ? null : state.recovery?.couponCode) ??
      (await recoveryCode(deps.runtime, recovery.promotionId, cartId, context));
  }
  const token = recovery.restoreUrl === null ? null : newCartSecret();
  const outcome = await handleCommand(
    deps.runtime,
    cartDecider,
    stream,
    {
      ...record,
      data: {
        ...record.data,
        ...(token ? { restoreTokenHash: token.hash } : {}),
        ...(couponCode ? { couponCode } : {}),
      },
    },
    context,
  );
  if (outcome.state.status === 'absent' || !outcome.state.email) return;
  const step = outcome.state.remindersSent - 1;
  // A request resumed after its first run answers that run's event, whose link this token is not.
  const sent = outcome.events.at(-1);
  const ours =
    sent?.type === 'CartReminderSent' && token !== null && sent.data.restoreTokenHash === token.hash;
  await deps.mail.enqueue({
    eventId: `${stream}#${outcome.revision ?? 0}`,
    to: outcome.state.email.address,
    ...cartReminderMail(cartId, step, {
      link: ours && recovery.restoreUrl ? restoreLink(recovery.restoreUrl, cartId, step, token.secret) : null,
      code: outcome.state.recovery?.couponCode ?? null,
    }),
  });
  // The cart is abandoned: its checkout holds end now (last, so that a failure here never stops
  // the mail; a hold left by one still ends at its own expiry).
  await releaseAbandonedHolds(deps.runtime, cartId, context);
}

export interface CartReminderOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  /** The sequence (`DEFAULT_CART_REMINDER_DELAYS_MS`): each step's delay after the last activity. */
  delaysMs?: readonly number[];
  remind: (cartId: string, context: CommandContext) => Promise<unknown>;
  lease?: Lease;
  intervalMs?: number;
  onError?: (error: unknown, cartId: string) => void;
}

/**
 * The abandoned-cart schedule, derived from the cart events: every shopper's change moves the
 * cart's due time to its time plus the first step's delay (a new idle period); each reminder sent
 * schedules the next step at its delay after the same last activity (`idleSince`), and the last
 * step, checkout or a merge takes the cart off. Totals and claims are not the shopper touching the
 * cart's contents, but they carry the same time as the change they follow, so they reschedule to
 * the same moment.
 */
export function createCartReminderScheduler(options: CartReminderOptions): EventScheduler<string> {
  const delaysMs = options.delaysMs ?? DEFAULT_CART_REMINDER_DELAYS_MS;
  const after = (since: string, delay: number) => new Date(Date.parse(since) + delay);
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
          return { key, cancel: true };
        case 'CartReminderSent': {
          const { step, idleSince } = event.data;
          // A reminder of before the sequence (no step) was the cart's one reminder.
          const next = step === undefined || idleSince === undefined ? undefined : delaysMs[step + 1];
          return next === undefined ? { key, cancel: true } : { key, dueAt: after(idleSince!, next) };
        }
        default:
          return { key, dueAt: after(event.data.at, delaysMs[0]!) };
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
