import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, NoChange, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  CartClosed,
  CartCouponNotFound,
  CartLineNotFound,
  CouponNotApplicable,
  CartNotFound,
  CartQuantityUnavailable,
  ReminderNotDue,
} from './errors.ts';
import { cartDecider, mergeQuantity, withTotals, type CartEvent, type CartProductFacts } from './index.ts';

const given = specFor(cartDecider);
const NOW = '2026-12-05T10:00:00.000Z';
const LATER = '2026-12-05T11:00:00.000Z';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const guestCreated: CartEvent = {
  type: 'CartCreated',
  data: { cartId: 'k1', owner: { kind: 'guest', secretHash: 'h' }, currency: 'EUR', at: NOW },
};
const customerCreated: CartEvent = {
  type: 'CartCreated',
  data: { cartId: 'k2', owner: { kind: 'customer', customerId: 'c-1' }, currency: 'EUR', at: NOW },
};
const mug: CartProductFacts = { productId: 'p-mug', sku: 'MUG', unitPrice: eur(1200), available: 5 };
const added: CartEvent = {
  type: 'CartLineAdded',
  data: {
    cartId: 'k1',
    productId: 'p-mug',
    sku: 'MUG',
    quantity: 2,
    unitPrice: eur(1200),
    available: 5,
    at: NOW,
  },
};
const add = (quantity: number, product = mug) =>
  ({ type: 'AddLine', data: { cartId: 'k1', product, quantity, now: NOW } }) as const;
const address = {
  name: 'Ada',
  line1: 'Main St 1',
  line2: null,
  city: 'Berlin',
  postalCode: '10115',
  region: null,
  country: 'DE',
};

describe('CreateCart', () => {
  it('creates a guest cart holding only the secret hash, once', () => {
    given([])
      .when({
        type: 'CreateCart',
        data: { cartId: 'k1', owner: { kind: 'guest', secretHash: 'h' }, currency: 'EUR', now: NOW },
      })
      .then([guestCreated]);
    given([guestCreated])
      .when({
        type: 'CreateCart',
        data: { cartId: 'k1', owner: { kind: 'guest', secretHash: 'h' }, currency: 'EUR', now: NOW },
      })
      .thenThrows(AlreadyExists, { aggregate: 'cart', id: 'k1' });
  });
  it('refuses a currency that is not ISO 4217', () => {
    given([])
      .when({
        type: 'CreateCart',
        data: { cartId: 'k1', owner: { kind: 'guest', secretHash: 'h' }, currency: 'eur', now: NOW },
      })
      .thenThrows(ValidationFailed, { field: 'currency' });
  });
});

describe('lines', () => {
  it('adds a line with the price and availability seen, and adds to it when added again', () => {
    given([guestCreated]).when(add(2)).then([added]);
    given([guestCreated, added])
      .when(add(3))
      .then([
        {
          type: 'CartLineQuantityChanged',
          data: {
            cartId: 'k1',
            productId: 'p-mug',
            quantity: 5,
            unitPrice: eur(1200),
            available: 5,
            at: NOW,
          },
        },
      ]);
  });
  it('refuses more than is available (naming the SKU), another currency and a zero quantity', () => {
    given([guestCreated, added])
      .when(add(4))
      .thenThrows(CartQuantityUnavailable, { sku: 'MUG', requested: 6, available: 5 });
    given([guestCreated])
      .when(add(1, { ...mug, unitPrice: { amount: 1200, currency: 'USD' } }))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
    given([guestCreated]).when(add(0)).thenThrows(ValidationFailed, { field: 'quantity' });
  });
  it('takes any quantity of untracked stock up to the line limit', () => {
    given([guestCreated])
      .when(add(999, { ...mug, available: null }))
      .then([{ ...added, data: { ...added.data, quantity: 999, available: null } }]);
    given([guestCreated])
      .when(add(1000, { ...mug, available: null }))
      .thenThrows(ValidationFailed, { field: 'quantity' });
  });
  it('changes a quantity and removes a line; refuses a line it does not have', () => {
    const change = (quantity: number) =>
      ({
        type: 'ChangeQuantity',
        data: { cartId: 'k1', product: { ...mug, unitPrice: eur(1100) }, quantity, now: LATER },
      }) as const;
    given([guestCreated, added])
      .when(change(1))
      .then([
        {
          type: 'CartLineQuantityChanged',
          data: {
            cartId: 'k1',
            productId: 'p-mug',
            quantity: 1,
            unitPrice: eur(1100),
            available: 5,
            at: LATER,
          },
        },
      ]);
    given([guestCreated, added]).when(change(2)).thenThrows(NoChange, { field: 'quantity' });
    given([guestCreated]).when(change(1)).thenThrows(CartLineNotFound, { productId: 'p-mug' });
    const state = given([guestCreated, added])
      .when({ type: 'RemoveLine', data: { cartId: 'k1', productId: 'p-mug', now: LATER } })
      .then([{ type: 'CartLineRemoved', data: { cartId: 'k1', productId: 'p-mug', at: LATER } }]);
    expect(state.status !== 'absent' && state.lines).toEqual({});
  });
  it('refuses every change on an unknown cart and on a checked-out one', () => {
    given([]).when(add(1)).thenThrows(CartNotFound, { cartId: 'k1' });
    const checkedOut: CartEvent = { type: 'CartCheckedOut', data: { cartId: 'k1', orderId: 'o-1', at: NOW } };
    given([guestCreated, added, checkedOut]).when(add(1)).thenThrows(CartClosed, { status: 'checked_out' });
  });
});

describe('email, address and shipping method', () => {
  it('seals the email under the guest cart subject, with the consent, its time and source', () => {
    given([guestCreated])
      .when({
        type: 'SetEmail',
        data: {
          cartId: 'k1',
          email: ' Ada@Example.com',
          marketingConsent: true,
          source: 'checkout',
          now: NOW,
        },
      })
      .then([
        {
          type: 'CartEmailSet',
          data: {
            cartId: 'k1',
            subjectId: 'guest-cart-k1',
            email: 'ada@example.com',
            marketingConsent: { granted: true, source: 'checkout', at: NOW },
            at: NOW,
          },
        },
      ]);
  });
  it('keeps the consent time when only the address changes, and refuses a bad email', () => {
    const set: CartEvent = {
      type: 'CartEmailSet',
      data: {
        cartId: 'k1',
        subjectId: 'guest-cart-k1',
        email: 'ada@example.com',
        marketingConsent: { granted: true, source: 'checkout', at: NOW },
        at: NOW,
      },
    };
    given([guestCreated, set])
      .when({
        type: 'SetEmail',
        data: {
          cartId: 'k1',
          email: 'ada@example.org',
          marketingConsent: true,
          source: 'checkout',
          now: LATER,
        },
      })
      .then([{ ...set, data: { ...set.data, email: 'ada@example.org', at: LATER } }]);
    given([guestCreated, set])
      .when({
        type: 'SetEmail',
        data: {
          cartId: 'k1',
          email: 'ada@example.com',
          marketingConsent: true,
          source: 'checkout',
          now: LATER,
        },
      })
      .thenThrows(NoChange, { field: 'email' });
    given([guestCreated])
      .when({
        type: 'SetEmail',
        data: { cartId: 'k1', email: 'nope', marketingConsent: false, source: 'checkout', now: NOW },
      })
      .thenThrows(ValidationFailed, { field: 'email' });
  });
  it("sets a customer cart's address under the customer's key, and a shipping method", () => {
    given([customerCreated])
      .when({ type: 'SetShippingAddress', data: { cartId: 'k2', address, now: NOW } })
      .then([
        {
          type: 'CartShippingAddressSet',
          data: { cartId: 'k2', subjectId: 'c-1', shippingAddress: address, at: NOW },
        },
      ]);
    given([customerCreated])
      .when({
        type: 'SetShippingAddress',
        data: { cartId: 'k2', address: { ...address, country: 'Germany' }, now: NOW },
      })
      .thenThrows(ValidationFailed, { field: 'shippingAddress.country' });
    given([customerCreated])
      .when({ type: 'ChooseShippingMethod', data: { cartId: 'k2', shippingMethodId: 'standard', now: NOW } })
      .then([
        { type: 'CartShippingMethodChosen', data: { cartId: 'k2', shippingMethodId: 'standard', at: NOW } },
      ]);
  });
});

describe('claim and merge', () => {
  it("claims a guest cart for a customer; another customer's cart is not found", () => {
    const state = given([guestCreated])
      .when({ type: 'ClaimCart', data: { cartId: 'k1', customerId: 'c-1', now: NOW } })
      .then([{ type: 'CartClaimed', data: { cartId: 'k1', customerId: 'c-1', at: NOW } }]);
    expect(state.status !== 'absent' && state.owner).toEqual({ kind: 'customer', customerId: 'c-1' });
    given([customerCreated])
      .when({ type: 'ClaimCart', data: { cartId: 'k2', customerId: 'c-2', now: NOW } })
      .thenThrows(CartNotFound, { cartId: 'k2' });
  });
  it('merges: quantities add, capped at what is available, and the guest cart closes', () => {
    const mine: CartEvent = { ...added, data: { ...added.data, cartId: 'k2', quantity: 3 } };
    given([customerCreated, mine])
      .when({
        type: 'MergeLines',
        data: {
          cartId: 'k2',
          lines: [
            { product: mug, quantity: 4 },
            {
              product: { productId: 'p-pen', sku: 'PEN', unitPrice: eur(200), available: null },
              quantity: 2,
            },
          ],
          now: LATER,
        },
      })
      .then([
        {
          type: 'CartLineQuantityChanged',
          data: {
            cartId: 'k2',
            productId: 'p-mug',
            quantity: 5,
            unitPrice: eur(1200),
            available: 5,
            at: LATER,
          },
        },
        {
          type: 'CartLineAdded',
          data: {
            cartId: 'k2',
            productId: 'p-pen',
            sku: 'PEN',
            quantity: 2,
            unitPrice: eur(200),
            available: null,
            at: LATER,
          },
        },
      ]);
    const claimed: CartEvent = { type: 'CartClaimed', data: { cartId: 'k1', customerId: 'c-1', at: NOW } };
    const closed = given([guestCreated, claimed])
      .when({ type: 'CloseMerged', data: { cartId: 'k1', intoCartId: 'k2', customerId: 'c-1', now: LATER } })
      .then([
        { type: 'CartMergedInto', data: { cartId: 'k1', intoCartId: 'k2', customerId: 'c-1', at: LATER } },
      ]);
    expect(closed.status).toBe('merged');
    given([guestCreated])
      .when({ type: 'CloseMerged', data: { cartId: 'k1', intoCartId: 'k2', customerId: 'c-1', now: LATER } })
      .then([
        { type: 'CartClaimed', data: { cartId: 'k1', customerId: 'c-1', at: LATER } },
        { type: 'CartMergedInto', data: { cartId: 'k1', intoCartId: 'k2', customerId: 'c-1', at: LATER } },
      ]);
  });
  it('caps a merge at availability but never takes away what the cart had', () => {
    expect(mergeQuantity(2, 3, 10)).toBe(5);
    expect(mergeQuantity(2, 3, 4)).toBe(4);
    expect(mergeQuantity(6, 3, 4)).toBe(6);
    expect(mergeQuantity(0, 3, 0)).toBe(0);
    expect(mergeQuantity(900, 200, null)).toBe(999);
  });
});

describe('totals, checkout and reminders', () => {
  const totals = {
    subtotal: eur(2400),
    discounts: [],
    discountTotal: eur(0),
    shipping: eur(0),
    tax: eur(0),
    total: eur(2400),
  };
  it('records totals on the change that moved them, and only when they moved', () => {
    const created = cartDecider.evolve(cartDecider.initialState(), guestCreated);
    const state = cartDecider.evolve(created, added);
    const [priced] = withTotals([added], state, totals, NOW);
    expect(priced).toEqual({ ...added, data: { ...added.data, totals } });
    const after = cartDecider.evolve(created, priced!);
    expect(after.status === 'open' && after.totals).toEqual(totals);
    // Unmoved figures add nothing to the change; figures moved without a change get their own event.
    expect(withTotals([added], after, totals, LATER)).toEqual([added]);
    const [own] = withTotals([], state, totals, NOW);
    expect(own).toEqual({ type: 'CartTotalsComputed', data: { cartId: 'k1', totals, at: NOW } });
    expect(withTotals([], cartDecider.evolve(state, own!), totals, LATER)).toEqual([]);
  });
  it('checks out a cart with lines, once', () => {
    const checkOut = { type: 'CheckOut', data: { cartId: 'k1', orderId: 'o-1', now: NOW } } as const;
    given([guestCreated]).when(checkOut).thenThrows(ValidationFailed, { field: 'lines' });
    const done = given([guestCreated, added])
      .when(checkOut)
      .then([{ type: 'CartCheckedOut', data: { cartId: 'k1', orderId: 'o-1', at: NOW } }]);
    expect(done.status).toBe('checked_out');
    given([guestCreated, added, { type: 'CartCheckedOut', data: { cartId: 'k1', orderId: 'o-1', at: NOW } }])
      .when(checkOut)
      .thenThrows(CartClosed);
  });
  it('sends the reminder sequence step by step, each once its idle time passed, only with consent, never after checkout', () => {
    const HOUR = 60 * 60_000;
    const delaysMs = [HOUR, 24 * HOUR];
    const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();
    const remind = (hours: number) =>
      ({ type: 'RecordReminder', data: { cartId: 'k1', now: at(hours), delaysMs } }) as const;
    const email = (granted: boolean): CartEvent => ({
      type: 'CartEmailSet',
      data: {
        cartId: 'k1',
        subjectId: 'guest-cart-k1',
        email: 'a@b.io',
        marketingConsent: { granted, source: 'checkout', at: NOW },
        at: NOW,
      },
    });
    const sent = (step: number, hours: number, idleSince = NOW): CartEvent => ({
      type: 'CartReminderSent',
      data: { cartId: 'k1', at: at(hours), step, idleSince },
    });
    const idle = [guestCreated, added, email(true)];
    given(idle).when(remind(0.5)).thenThrows(ReminderNotDue, { reason: 'not idle long enough' });
    given(idle)
      .when(remind(1))
      .then([sent(0, 1)]);
    given([...idle, sent(0, 1)])
      .when(remind(23))
      .thenThrows(ReminderNotDue, { reason: 'not idle long enough' });
    given([...idle, sent(0, 1)])
      .when(remind(24))
      .then([sent(1, 24)]);
    given([...idle, sent(0, 1), sent(1, 24)])
      .when(remind(48))
      .thenThrows(ReminderNotDue, { reason: 'already sent' });
    // A reminder of before the sequence counts as its first step.
    given([...idle, { type: 'CartReminderSent', data: { cartId: 'k1', at: LATER } }])
      .when(remind(24))
      .then([sent(1, 24)]);
    // Touching the cart starts a new idle period, and the sequence over.
    const touched: CartEvent = {
      type: 'CartLineRemoved',
      data: { cartId: 'k1', productId: 'nothing-here', at: at(30) },
    };
    given([...idle, sent(0, 1), sent(1, 24), touched])
      .when(remind(31))
      .then([sent(0, 31, at(30))]);
    given([guestCreated, added, email(false)])
      .when(remind(1))
      .thenThrows(ReminderNotDue, { reason: 'no marketing consent' });
    given([guestCreated, added]).when(remind(1)).thenThrows(ReminderNotDue, { reason: 'no email' });
    given([...idle, { type: 'CartCheckedOut', data: { cartId: 'k1', orderId: 'o-1', at: NOW } }])
      .when(remind(1))
      .thenThrows(ReminderNotDue, { reason: 'checked_out' });
    given(idle)
      .when({ type: 'RecordReminder', data: { cartId: 'k1', now: at(2), delaysMs: [HOUR, HOUR] } })
      .thenThrows(ValidationFailed, { field: 'delaysMs[1]' });
  });
});

describe('StartCheckout', () => {
  const EXPIRES = '2026-12-05T10:10:00.000Z';
  const hold = {
    productId: 'p-mug',
    sku: 'MUG',
    quantity: 2,
    allocations: [{ location: 'berlin', quantity: 2 }],
  };
  const start = (holds = [hold]) =>
    ({ type: 'StartCheckout', data: { cartId: 'k1', holds, expiresAt: EXPIRES, now: NOW } }) as const;
  const started: CartEvent = {
    type: 'CheckoutStarted',
    data: { cartId: 'k1', holds: [hold], expiresAt: EXPIRES, at: NOW },
  };

  it('records the holds placed on the stock streams, with their expiry', () => {
    const state = given([guestCreated, added]).when(start()).then([started]);
    expect(state.status !== 'absent' && state.holds).toEqual({ 'p-mug': { ...hold, expiresAt: EXPIRES } });
  });
  it('records nothing when every line is already held, and refuses a hold that does not match a line', () => {
    given([guestCreated, added, started]).when(start([])).thenNothing();
    given([guestCreated, added])
      .when(start([{ ...hold, quantity: 3 }]))
      .thenThrows(ValidationFailed, { field: 'holds' });
    given([guestCreated]).when(start([])).thenThrows(ValidationFailed, { field: 'lines' });
  });
  it('forgets the hold of a line that changes (its release goes in the same append)', () => {
    const state = given([guestCreated, added, started])
      .when({ type: 'RemoveLine', data: { cartId: 'k1', productId: 'p-mug', now: LATER } })
      .then([{ type: 'CartLineRemoved', data: { cartId: 'k1', productId: 'p-mug', at: LATER } }]);
    expect(state.status !== 'absent' && state.holds).toEqual({});
  });
});

describe('restoring a cart from a reminder’s link', () => {
  const reminded: CartEvent = {
    type: 'CartReminderSent',
    data: {
      cartId: 'k1',
      at: LATER,
      step: 0,
      idleSince: NOW,
      restoreTokenHash: 't0',
      couponCode: 'BACK-ABC',
    },
  };
  const restore = (tokenHash: string, secretHash: string | null = 's2') =>
    ({ type: 'RestoreCart', data: { cartId: 'k1', step: 0, tokenHash, secretHash, now: LATER } }) as const;

  it('gives a guest cart its new secret and applies the recovery code, starting the sequence over', () => {
    const state = given([guestCreated, added, reminded])
      .when(restore('t0'))
      .then([
        {
          type: 'CartRestored',
          data: { cartId: 'k1', step: 0, secretHash: 's2', couponCode: 'BACK-ABC', at: LATER },
        },
      ]);
    expect(state).toMatchObject({
      owner: { kind: 'guest', secretHash: 's2' },
      couponCodes: ['BACK-ABC'],
      remindersSent: 0,
      lastActivityAt: LATER,
    });
  });

  it('answers a wrong token, or a step without a link, as a cart that does not exist', () => {
    given([guestCreated, added, reminded]).when(restore('t1')).thenThrows(CartNotFound);
    given([guestCreated, added, { ...reminded, data: { cartId: 'k1', at: LATER, step: 0 } }])
      .when(restore('t0'))
      .thenThrows(CartNotFound);
  });

  it('refuses a cart checked out since, and a guest cart without a new secret', () => {
    const checkedOut: CartEvent = {
      type: 'CartCheckedOut',
      data: { cartId: 'k1', orderId: 'k1', at: LATER },
    };
    given([guestCreated, added, reminded, checkedOut]).when(restore('t0')).thenThrows(CartClosed);
    given([guestCreated, added, reminded]).when(restore('t0', null)).thenThrows(ValidationFailed);
  });
});

describe('coupon codes', () => {
  const applies = { applies: true } as const;
  const apply = (
    code: string,
    check: { applies: true } | { applies: false; reason: string; detail: string } = applies,
  ) => ({ type: 'ApplyCoupon', data: { cartId: 'k1', code, check, now: LATER } }) as const;
  const applied = (code: string): CartEvent => ({
    type: 'CartCouponApplied',
    data: { cartId: 'k1', code, at: LATER },
  });

  it('records a code that applies, normalized (case-insensitive), once', () => {
    const state = given([guestCreated, added])
      .when(apply(' summer20 '))
      .then([applied('SUMMER20')]);
    expect(state.status !== 'absent' && state.couponCodes).toEqual(['SUMMER20']);
    given([guestCreated, added, applied('SUMMER20')])
      .when(apply('Summer20'))
      .thenThrows(NoChange, { field: 'code' });
  });
  it('refuses a code that does not apply now, with the reason, naming the field `code`', () => {
    given([guestCreated, added])
      .when(apply('GONE10', { applies: false, reason: 'unknown', detail: 'no promotion has this code' }))
      .thenThrows(CouponNotApplicable, { field: 'code', code: 'GONE10', why: 'unknown' });
    given([guestCreated, added])
      .when(apply('OLD10', { applies: false, reason: 'outside_window', detail: 'ended' }))
      .thenThrows(CouponNotApplicable, { field: 'code', why: 'outside_window' });
    given([guestCreated, added]).when(apply('a b')).thenThrows(ValidationFailed, { field: 'code' });
  });
  it('holds at most five codes, and none on a closed cart', () => {
    const five = ['AAA1', 'AAA2', 'AAA3', 'AAA4', 'AAA5'].map(applied);
    given([guestCreated, added, ...five])
      .when(apply('AAA6'))
      .thenThrows(ValidationFailed, { field: 'code' });
    given([guestCreated, added, { type: 'CartCheckedOut', data: { cartId: 'k1', orderId: 'k1', at: NOW } }])
      .when(apply('AAA1'))
      .thenThrows(CartClosed, { cartId: 'k1' });
  });
  it('removes a code it holds (in any case), and refuses one it does not', () => {
    const state = given([guestCreated, added, applied('SUMMER20'), applied('VIP5')])
      .when({ type: 'RemoveCoupon', data: { cartId: 'k1', code: 'summer20', now: LATER } })
      .then([{ type: 'CartCouponRemoved', data: { cartId: 'k1', code: 'SUMMER20', at: LATER } }]);
    expect(state.status !== 'absent' && state.couponCodes).toEqual(['VIP5']);
    given([guestCreated, added])
      .when({ type: 'RemoveCoupon', data: { cartId: 'k1', code: 'SUMMER20', now: LATER } })
      .thenThrows(CartCouponNotFound, { cartId: 'k1', code: 'SUMMER20' });
  });
});
