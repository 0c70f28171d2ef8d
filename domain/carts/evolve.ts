import { assertNever } from '../assert-never.ts';
import type { CartEvent } from './events.ts';
import type { CartState, OpenCart } from './state.ts';

export function evolveCart(state: CartState, event: CartEvent): CartState {
  const next = withCarriedTotals(evolveOnce(state, event), event);
  // The shopper touching the cart starts the reminder sequence over: it is a new idle period.
  if (next.status === 'absent' || next === state || !activity(event)) return next;
  return next.remindersSent === 0 ? next : { ...next, remindersSent: 0 };
}

const activity = (event: CartEvent) =>
  event.type !== 'CartTotalsComputed' && event.type !== 'CartReminderSent';

/**
 * The figures an event carries, set as it applies: a change's (`PricedChange`), or an older cart's
 * `CartTotalsComputed` after its change. One place for both, as the read model's fold has.
 */
function withCarriedTotals(state: CartState, event: CartEvent): CartState {
  if (state.status === 'absent') return state;
  const totals = 'totals' in event.data ? event.data.totals : undefined;
  return totals === undefined ? state : { ...state, totals };
}

/** A line that changes loses its checkout hold (released on the stock streams in the same append). */
function withoutHold(state: OpenCart, productId: string): OpenCart {
  if (state.holds?.[productId] === undefined) return state;
  const { [productId]: _, ...holds } = state.holds;
  return { ...state, holds };
}

function evolveOnce(state: CartState, event: CartEvent): CartState {
  if (event.type === 'CartCreated') {
    const { cartId, owner, currency, at } = event.data;
    return {
      status: 'open',
      cartId,
      owner,
      currency,
      lines: {},
      email: null,
      shippingAddress: null,
      shippingMethodId: null,
      totals: null,
      lastActivityAt: at,
      remindersSent: 0,
      orderId: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'CartLineAdded': {
      const { productId, sku, quantity, unitPrice, available, at } = event.data;
      return {
        ...withoutHold(state, productId),
        lines: {
          ...state.lines,
          [productId]: { productId, sku, quantity, unitPrice, available, addedAt: at },
        },
        lastActivityAt: at,
      };
    }
    case 'CartLineQuantityChanged': {
      const { productId, quantity, unitPrice, available, at } = event.data;
      const line = state.lines[productId];
      if (!line) return state;
      return {
        ...withoutHold(state, productId),
        lines: { ...state.lines, [productId]: { ...line, quantity, unitPrice, available, addedAt: at } },
        lastActivityAt: at,
      };
    }
    case 'CartLineRemoved': {
      const { [event.data.productId]: _, ...lines } = state.lines;
      return { ...withoutHold(state, event.data.productId), lines, lastActivityAt: event.data.at };
    }
    case 'CartEmailSet':
      return {
        ...state,
        email: { address: event.data.email, marketingConsent: event.data.marketingConsent },
        lastActivityAt: event.data.at,
      };
    case 'CartShippingAddressSet':
      return { ...state, shippingAddress: event.data.shippingAddress, lastActivityAt: event.data.at };
    case 'CartShippingMethodChosen':
      return { ...state, shippingMethodId: event.data.shippingMethodId, lastActivityAt: event.data.at };
    case 'CartTotalsComputed':
      return state; // its totals are set by withCarriedTotals
    case 'CartCouponApplied':
      return {
        ...state,
        couponCodes: [...(state.couponCodes ?? []), event.data.code],
        lastActivityAt: event.data.at,
      };
    case 'CartCouponRemoved':
      return {
        ...state,
        couponCodes: (state.couponCodes ?? []).filter((code) => code !== event.data.code),
        lastActivityAt: event.data.at,
      };
    case 'CartClaimed':
      return {
        ...state,
        owner: { kind: 'customer', customerId: event.data.customerId },
        lastActivityAt: event.data.at,
      };
    case 'CartMergedInto':
      return { ...state, status: 'merged', lastActivityAt: event.data.at };
    case 'CartCheckedOut':
      return { ...state, status: 'checked_out', orderId: event.data.orderId, lastActivityAt: event.data.at };
    case 'CartReminderSent': {
      const { step, restoreTokenHash, couponCode } = event.data;
      const next = { ...state, remindersSent: (step ?? 0) + 1 };
      if (restoreTokenHash === undefined && couponCode === undefined) return next;
      const recovery = state.recovery ?? { tokenHashes: {}, couponCode: null };
      return {
        ...next,
        recovery: {
          tokenHashes:
            restoreTokenHash === undefined
              ? recovery.tokenHashes
              : { ...recovery.tokenHashes, [step ?? 0]: restoreTokenHash },
          couponCode: couponCode ?? recovery.couponCode,
        },
      };
    }
    case 'CartRestored': {
      const { secretHash, couponCode, at } = event.data;
      const codes = state.couponCodes ?? [];
      return {
        ...state,
        owner: secretHash === null ? state.owner : { kind: 'guest', secretHash },
        couponCodes: couponCode === null || codes.includes(couponCode) ? codes : [...codes, couponCode],
        lastActivityAt: at,
      };
    }
    case 'CheckoutStarted': {
      const { holds, expiresAt, at } = event.data;
      const added = Object.fromEntries(holds.map((hold) => [hold.productId, { ...hold, expiresAt }]));
      return { ...state, holds: { ...state.holds, ...added }, lastActivityAt: at };
    }
    default:
      return assertNever(event);
  }
}
