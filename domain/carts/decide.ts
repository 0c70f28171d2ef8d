import { assertNever } from '../assert-never.ts';
import { AlreadyExists, CurrencyMismatch, NoChange, ValidationFailed } from '../errors.ts';
import type { Address } from '../orders/events.ts';
import { normalizeCode } from '../promotions/codes.ts';
import { requireIsoTime, requireKey, requireLength, requirePositiveInt, requireText } from '../validation.ts';
import type { CartCommand, CartProductFacts } from './commands.ts';
import {
  CartClosed,
  CartCouponNotFound,
  CartLineNotFound,
  CouponNotApplicable,
  CartNotFound,
  CartQuantityUnavailable,
  ReminderNotDue,
} from './errors.ts';
import type { CartEvent, CartTotals } from './events.ts';
import { evolveCart } from './evolve.ts';
import {
  cartCouponCodes,
  cartSubject,
  MAX_CART_COUPONS,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  type CartState,
  type OpenCart,
} from './state.ts';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MAX_CART_ID = 48;

export function decideCart(command: CartCommand, state: CartState): CartEvent[] {
  const { cartId, now } = command.data;
  if (command.type === 'CreateCart') {
    requireKey('cartId', cartId);
    // The cart's order takes its id, and a guest's order its subject (`guest-cart-{cartId}`, a key too).
    if (cartId.length > MAX_CART_ID)
      throw new ValidationFailed('cartId', `must be at most ${MAX_CART_ID} characters`);
    if (!CURRENCY.test(command.data.currency))
      throw new ValidationFailed('currency', 'must be an ISO 4217 code');
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'cart', id: cartId });
    return [
      {
        type: 'CartCreated',
        data: { cartId, owner: command.data.owner, currency: command.data.currency, at: now },
      },
    ];
  }
  if (state.status === 'absent') throw new CartNotFound(cartId);
  if (command.type === 'RecordReminder') return decideReminder(state, now, command.data);
  if (command.type === 'RestoreCart') return decideRestore(state, command.data);
  if (state.status !== 'open') throw new CartClosed(cartId, state.status);
  switch (command.type) {
    case 'AddLine': {
      const { product, quantity } = command.data;
      const existing = state.lines[product.productId];
      const total = requireQuantity('quantity', quantity) + (existing?.quantity ?? 0);
      return [lineEvent(state, product, total, now)];
    }
    case 'ChangeQuantity': {
      const { product, quantity } = command.data;
      const existing = state.lines[product.productId];
      if (!existing) throw new CartLineNotFound(cartId, product.productId);
      if (requireQuantity('quantity', quantity) === existing.quantity)
        throw new NoChange({ aggregate: 'cart', id: cartId, field: 'quantity' });
      return [lineEvent(state, product, quantity, now)];
    }
    case 'RemoveLine': {
      const { productId } = command.data;
      if (!state.lines[productId]) throw new CartLineNotFound(cartId, productId);
      return [{ type: 'CartLineRemoved', data: { cartId, productId, at: now } }];
    }
    case 'SetEmail': {
      const email = command.data.email.trim().toLowerCase();
      if (!EMAIL.test(email)) throw new ValidationFailed('email', 'must be an email address');
      const { marketingConsent: granted, source } = command.data;
      // Consent keeps the time and place it was given, like a customer's (docs/accounts.md).
      const marketingConsent =
        state.email?.marketingConsent.granted === granted
          ? state.email.marketingConsent
          : { granted, source, at: now };
      if (state.email?.address === email && marketingConsent === state.email.marketingConsent)
        throw new NoChange({ aggregate: 'cart', id: cartId, field: 'email' });
      return [
        {
          type: 'CartEmailSet',
          data: { cartId, subjectId: cartSubject(state), email, marketingConsent, at: now },
        },
      ];
    }
    case 'SetShippingAddress': {
      const shippingAddress = validAddress(command.data.address);
      if (JSON.stringify(shippingAddress) === JSON.stringify(state.shippingAddress))
        throw new NoChange({ aggregate: 'cart', id: cartId, field: 'shippingAddress' });
      return [
        {
          type: 'CartShippingAddressSet',
          data: { cartId, subjectId: cartSubject(state), shippingAddress, at: now },
        },
      ];
    }
    case 'ChooseShippingMethod': {
      const shippingMethodId = requireKey('shippingMethodId', command.data.shippingMethodId);
      if (shippingMethodId === state.shippingMethodId)
        throw new NoChange({ aggregate: 'cart', id: cartId, field: 'shippingMethodId' });
      return [{ type: 'CartShippingMethodChosen', data: { cartId, shippingMethodId, at: now } }];
    }
    case 'ApplyCoupon': {
      const code = normalizeCode('code', command.data.code);
      const codes = cartCouponCodes(state);
      if (codes.includes(code)) throw new NoChange({ aggregate: 'cart', id: cartId, field: 'code' });
      if (codes.length >= MAX_CART_COUPONS)
        throw new ValidationFailed('code', `a cart holds at most ${MAX_CART_COUPONS} codes`);
      const { check } = command.data;
      // Validated when entered: a code that does not apply now is refused, not kept for later.
      if (!check.applies) throw new CouponNotApplicable(code, check.reason, check.detail);
      return [{ type: 'CartCouponApplied', data: { cartId, code, at: now } }];
    }
    case 'RemoveCoupon': {
      const code = normalizeCode('code', command.data.code);
      if (!cartCouponCodes(state).includes(code)) throw new CartCouponNotFound(cartId, code);
      return [{ type: 'CartCouponRemoved', data: { cartId, code, at: now } }];
    }
    case 'ClaimCart': {
      const { customerId } = command.data;
      requireKey('customerId', customerId);
      if (state.owner.kind === 'customer') {
        // Claiming one's own cart again is a no-op answer; another customer's cart is not there.
        if (state.owner.customerId === customerId)
          throw new NoChange({ aggregate: 'cart', id: cartId, field: 'owner' });
        throw new CartNotFound(cartId);
      }
      return [{ type: 'CartClaimed', data: { cartId, customerId, at: now } }];
    }
    case 'MergeLines': {
      const events: CartEvent[] = [];
      let merged: OpenCart = state;
      for (const { product, quantity } of command.data.lines) {
        const target = mergeQuantity(
          merged.lines[product.productId]?.quantity ?? 0,
          quantity,
          product.available,
        );
        if (target === (merged.lines[product.productId]?.quantity ?? 0)) continue;
        const event = lineEvent(merged, product, target, now);
        events.push(event);
        merged = evolveCart(merged, event) as OpenCart;
      }
      return events;
    }
    case 'CloseMerged': {
      const { intoCartId, customerId } = command.data;
      // A guest cart is claimed and closed in one decision: its lines now live in the customer's cart.
      if (state.owner.kind === 'guest')
        return [
          { type: 'CartClaimed', data: { cartId, customerId, at: now } },
          { type: 'CartMergedInto', data: { cartId, intoCartId, customerId, at: now } },
        ];
      if (state.owner.customerId !== customerId) throw new CartNotFound(cartId);
      return [{ type: 'CartMergedInto', data: { cartId, intoCartId, customerId, at: now } }];
    }
    case 'StartCheckout': {
      if (Object.keys(state.lines).length === 0) throw new ValidationFailed('lines', 'the cart is empty');
      const { holds, expiresAt } = command.data;
      requireIsoTime('expiresAt', expiresAt);
      for (const hold of holds) {
        // A hold covers its whole line as it stands: a line changed since is held anew.
        if (state.lines[hold.productId]?.quantity !== hold.quantity)
          throw new ValidationFailed('holds', `${hold.productId} does not match a line of the cart`);
      }
      if (holds.length === 0) return [];
      return [{ type: 'CheckoutStarted', data: { cartId, holds, expiresAt, at: now } }];
    }
    case 'CheckOut': {
      if (Object.keys(state.lines).length === 0) throw new ValidationFailed('lines', 'the cart is empty');
      return [
        {
          type: 'CartCheckedOut',
          data: { cartId, orderId: requireKey('orderId', command.data.orderId), at: now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

/**
 * The merge rule (docs/carts.md): the quantities add, capped at what is available and at the line
 * limit; a line with nothing available keeps what the customer's cart already had.
 */
export function mergeQuantity(current: number, added: number, available: number | null): number {
  const wanted = Math.min(current + added, MAX_LINE_QUANTITY);
  return available === null ? wanted : Math.max(current, Math.min(wanted, available));
}

/** The change events that carry the figures they moved (`PricedChange`). */
const pricedChanges = new Set<CartEvent['type']>([
  'CartLineAdded',
  'CartLineQuantityChanged',
  'CartLineRemoved',
  'CartEmailSet',
  'CartShippingAddressSet',
  'CartShippingMethodChosen',
  'CartCouponApplied',
  'CartCouponRemoved',
  'CartClaimed',
  'CartRestored',
]);

/**
 * A change's events with the totals the price pipeline gave for the cart after them (`state`):
 * carried by the change's last event, or nothing added when the figures did not move. Only figures
 * that moved without a change event to carry them get a `CartTotalsComputed` of their own. One
 * event where there were two: a cart's add wrote, projected and fanned out a second event for its
 * figures (docs/batching.md). Pure, so a handler appends them with the change.
 */
export function withTotals(
  events: readonly CartEvent[],
  state: CartState,
  totals: CartTotals,
  now: string,
): CartEvent[] {
  if (state.status === 'absent') return [...events];
  if (JSON.stringify(state.totals) === JSON.stringify(totals)) return [...events];
  const last = events.at(-1);
  if (last === undefined || !pricedChanges.has(last.type))
    return [...events, { type: 'CartTotalsComputed', data: { cartId: state.cartId, totals, at: now } }];
  return [...events.slice(0, -1), { ...last, data: { ...last.data, totals } } as CartEvent];
}

/**
 * The next step of the reminder sequence, once the cart has sat untouched for that step's delay.
 * Each step goes at most once per idle period; touching the cart starts a new one.
 */
function decideReminder(
  state: OpenCart,
  now: string,
  recorded: Extract<CartCommand, { type: 'RecordReminder' }>['data'],
): CartEvent[] {
  const { delaysMs, restoreTokenHash, couponCode } = recorded;
  const refuse = (reason: string) => new ReminderNotDue(state.cartId, reason);
  delaysMs.forEach((delay, i) => {
    if (!Number.isSafeInteger(delay) || delay <= 0 || (i > 0 && delay <= delaysMs[i - 1]!))
      throw new ValidationFailed(`delaysMs[${i}]`, 'must be positive integers, increasing');
  });
  if (state.status !== 'open') throw refuse(state.status);
  const step = state.remindersSent;
  if (step >= delaysMs.length) throw refuse('already sent');
  if (Date.parse(now) < Date.parse(state.lastActivityAt) + delaysMs[step]!)
    throw refuse('not idle long enough');
  if (!state.email) throw refuse('no email');
  if (!state.email.marketingConsent.granted) throw refuse('no marketing consent');
  if (Object.keys(state.lines).length === 0) throw refuse('no lines');
  return [
    {
      type: 'CartReminderSent',
      data: {
        cartId: state.cartId,
        at: now,
        step,
        idleSince: state.lastActivityAt,
        ...(restoreTokenHash === undefined ? {} : { restoreTokenHash }),
        ...(couponCode === undefined ? {} : { couponCode }),
      },
    },
  ];
}

/**
 * A reminder's restore link opens the cart: the token must be the one that step's mail carried (any
 * other answers as a cart that does not exist), and the cart must still be open.
 */
function decideRestore(
  state: OpenCart,
  restore: Extract<CartCommand, { type: 'RestoreCart' }>['data'],
): CartEvent[] {
  const { cartId, step, tokenHash, secretHash, now } = restore;
  if (state.recovery?.tokenHashes[step] !== tokenHash) throw new CartNotFound(cartId);
  if (state.status !== 'open') throw new CartClosed(cartId, state.status);
  const guest = state.owner.kind === 'guest';
  if (guest && secretHash === null)
    throw new ValidationFailed('secretHash', 'a guest cart needs a new secret');
  return [
    {
      type: 'CartRestored',
      data: {
        cartId,
        step,
        secretHash: guest ? secretHash : null,
        couponCode: state.recovery.couponCode,
        at: now,
      },
    },
  ];
}

function lineEvent(state: OpenCart, product: CartProductFacts, quantity: number, now: string): CartEvent {
  const { productId, sku, unitPrice, available } = product;
  if (unitPrice.currency !== state.currency)
    throw new CurrencyMismatch({ expected: state.currency, actual: unitPrice.currency });
  if (quantity > MAX_LINE_QUANTITY)
    throw new ValidationFailed('quantity', `a line holds at most ${MAX_LINE_QUANTITY} units`);
  if (available !== null && quantity > available) throw new CartQuantityUnavailable(sku, quantity, available);
  const cartId = state.cartId;
  if (state.lines[productId])
    return {
      type: 'CartLineQuantityChanged',
      data: { cartId, productId, quantity, unitPrice, available, at: now },
    };
  if (Object.keys(state.lines).length >= MAX_CART_LINES)
    throw new ValidationFailed('productId', `a cart holds at most ${MAX_CART_LINES} lines`);
  return { type: 'CartLineAdded', data: { cartId, productId, sku, quantity, unitPrice, available, at: now } };
}

function requireQuantity(field: string, quantity: number): number {
  return requirePositiveInt(field, quantity);
}

function validAddress(address: Address): Address {
  requireText('shippingAddress.name', address.name);
  requireText('shippingAddress.line1', address.line1);
  if (address.line2 !== null) requireLength('shippingAddress.line2', address.line2, 200);
  requireText('shippingAddress.city', address.city);
  requireText('shippingAddress.postalCode', address.postalCode, 20);
  if (address.region !== null) requireLength('shippingAddress.region', address.region, 100);
  if (!/^[A-Z]{2}$/.test(address.country))
    throw new ValidationFailed('shippingAddress.country', 'must be ISO 3166-1 alpha-2');
  return address;
}
