import { DomainError } from '../errors.ts';
import type { CartTotals } from './events.ts';
import type { OpenCart } from './state.ts';

/**
 * One thing that differs at checkout from what the cart last showed the shopper. `line` is the
 * product id of the line it concerns (null for the cart's figures), `old` what the shopper saw,
 * `new` what it is now. Money is in the cart's currency, integer minor units.
 *
 * - `price`: the line's unit price (old: when the line was added or last changed);
 * - `hold_expired`: the line's checkout hold ran out and the stock it held is no longer there (old:
 *   when the hold expired; new: null; listed with the line's `quantity_unavailable`);
 * - `quantity_unavailable`: fewer units available than the line holds (old: available when the
 *   line was added or last changed, null if untracked then; new: available now; `requested`);
 * - `discontinued`, `product_gone`: the product is no longer sold (old and new: its status);
 * - `shipping_method`: the chosen method no longer ships this cart (old: its id, new: null);
 * - `discount` (per promotion, with the `code` that unlocked it if any), `shipping`, `tax`: the
 *   cart's figures, as last shown and now;
 * - `total`: the total the shopper confirmed (the cart's last total, or `expectedTotal`) and now.
 */
export type CheckoutChange = {
  what:
    | 'price'
    | 'hold_expired'
    | 'quantity_unavailable'
    | 'discontinued'
    | 'product_gone'
    | 'shipping_method'
    | 'discount'
    | 'shipping'
    | 'tax'
    | 'total';
  line: string | null;
  sku: string | null;
  promotionId: string | null;
  requested: number | null;
  old: number | string | null;
  new: number | string | null;
  /** A `discount` a coupon code gave (or gives now): the code, so the shopper sees which one went. */
  code?: string;
};

/** A line's product as checkout finds it now. */
export type CheckoutProduct =
  { status: 'gone' } | { status: 'active' | 'discontinued'; unitPrice: number; available: number | null };

export interface CheckoutReview {
  /** Every difference, in the cart's line order, then the figures. */
  changes: CheckoutChange[];
  /** True when checkout must not go on: a line cannot be bought as it is, or the total moved. */
  blocking: boolean;
  /** The total the cart costs now (null when it cannot be priced: its method is unavailable). */
  total: number | null;
}

/**
 * Compares the cart as the shopper last saw it with the cart now. Checkout goes on only when
 * every line can be bought as it stands and the total now is the total the shopper confirmed: a
 * price or promotion change that leaves the total as confirmed is listed but does not stop it.
 */
export function reviewCheckout(input: {
  cart: OpenCart;
  products: Readonly<Record<string, CheckoutProduct>>;
  /** The cart priced now; null when its shipping method no longer ships it. */
  priced: CartTotals | null;
  /** The total the shopper agreed to: `expectedTotal` if sent, else the cart's last total. */
  confirmedTotal: number;
  /** The time of checkout, to tell a hold that ran out (absent: holds are not looked at). */
  now?: string;
}): CheckoutReview {
  const { cart, products, priced, confirmedTotal, now } = input;
  const changes: CheckoutChange[] = [];
  let blocking = false;
  const change = (c: Partial<CheckoutChange> & Pick<CheckoutChange, 'what' | 'old' | 'new'>) =>
    changes.push({ line: null, sku: null, promotionId: null, requested: null, ...c });

  for (const line of Object.values(cart.lines)) {
    const at = { line: line.productId, sku: line.sku };
    const product = products[line.productId] ?? { status: 'gone' };
    if (product.status === 'gone') {
      change({ ...at, what: 'product_gone', old: 'active', new: 'gone' });
      blocking = true;
      continue;
    }
    if (product.status === 'discontinued') {
      change({ ...at, what: 'discontinued', old: 'active', new: 'discontinued' });
      blocking = true;
    }
    if (product.unitPrice !== line.unitPrice.amount)
      change({ ...at, what: 'price', old: line.unitPrice.amount, new: product.unitPrice });
    if (product.available !== null && product.available < line.quantity) {
      const hold = cart.holds?.[line.productId];
      if (hold !== undefined && now !== undefined && Date.parse(hold.expiresAt) <= Date.parse(now))
        change({ ...at, what: 'hold_expired', requested: line.quantity, old: hold.expiresAt, new: null });
      change({
        ...at,
        what: 'quantity_unavailable',
        requested: line.quantity,
        old: line.available,
        new: product.available,
      });
      blocking = true;
    }
  }

  const shown = cart.totals;
  if (priced === null) {
    change({ what: 'shipping_method', old: cart.shippingMethodId, new: null });
    return { changes, blocking: true, total: null };
  }
  const before = new Map((shown?.discounts ?? []).map((d) => [d.promotionId, d.amount.amount]));
  const after = new Map(priced.discounts.map((d) => [d.promotionId, d.amount.amount]));
  const codes = new Map(
    [...(shown?.discounts ?? []), ...priced.discounts].flatMap((d) =>
      d.code ? [[d.promotionId, d.code] as const] : [],
    ),
  );
  for (const promotionId of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(promotionId) ?? 0;
    const now = after.get(promotionId) ?? 0;
    const code = codes.get(promotionId);
    if (old !== now) change({ what: 'discount', promotionId, old, new: now, ...(code ? { code } : {}) });
  }
  for (const what of ['shipping', 'tax'] as const) {
    const old = shown?.[what].amount ?? 0;
    if (old !== priced[what].amount) change({ what, old, new: priced[what].amount });
  }
  if (priced.total.amount !== confirmedTotal) {
    change({ what: 'total', old: confirmedTotal, new: priced.total.amount });
    blocking = true;
  }
  return { changes, blocking, total: priced.total.amount };
}

/**
 * Checkout refused because the cart changed since the shopper last saw it. `expectedTotal` is the
 * total now: checking out again with it confirms the new figures (null when the cart cannot be
 * bought as it stands: change it first).
 */
export class CartChanged extends DomainError<{
  cartId: string;
  currency: string;
  changes: CheckoutChange[];
  expectedTotal: number | null;
}> {
  override readonly name = 'CartChanged';
  readonly code = 'cart_changed';
  readonly kind = 'conflict';
  constructor(cartId: string, currency: string, changes: CheckoutChange[], expectedTotal: number | null) {
    super(`Cart ${cartId} changed since it was last shown: ${changes.map((c) => c.what).join(', ')}`, {
      cartId,
      currency,
      changes,
      expectedTotal,
    });
  }
}
