import type { Money } from '../money.ts';
import type { Address } from '../orders/events.ts';

/**
 * The price pipeline's contract, shared by checkout (carts, order placement), shipping, tax and
 * promotions. The stages run in this order, each on the result of the one before:
 *
 *   subtotal (catalog or price-list unit prices × quantities)
 *   → discounts (promotions and coupons; none until a discount stage is given)
 *   → shipping (the chosen method's rate for the address's zone; free shipping is a discount's effect)
 *   → tax (per the address's tax region, on the discounted lines and on shipping)
 *   → total.
 *
 * Money is in integer minor units, one currency per request. The server computes every figure; a
 * client never supplies a price, a fee or a total.
 */
export interface PricingLine {
  productId: string;
  sku: string;
  category: string;
  brand: string;
  quantity: number;
  /** The unit price the subtotal stage chose (catalog price, or a price list's). */
  unitPrice: Money;
  /** The unit's weight in grams, for weight-banded shipping rates (0 when the product has none). */
  weightGrams?: number;
  /** The product's tax class (`standard`, `reduced`, `zero` or shop-defined); `standard` if absent. */
  taxClass?: string;
}

/** Who is buying, for rules that depend on it (customer groups, first order). */
export interface PricingCustomer {
  customerId: string;
  groups: readonly string[];
  /** True when the customer has no placed order yet. */
  firstOrder: boolean;
}

export interface PricingRequest {
  currency: string;
  lines: readonly PricingLine[];
  /** Null until the buyer gave one: shipping and tax are then not yet known (zero, and marked so). */
  shippingAddress: Address | null;
  shippingMethodId: string | null;
  customer: PricingCustomer | null;
  /** Codes the buyer entered, as typed (codes are case-insensitive). */
  couponCodes: readonly string[];
  /** The sales channel (`web`, `pos`...), for promotions limited to one. */
  channel: string | null;
  /** ISO time the prices are for: the promotion windows and scheduled prices in force then. */
  at: string;
}

/** One discount the discount stage applied, with what it took off, so every discount can be explained. */
export interface AppliedDiscount {
  promotionId: string;
  /** The promotion's version (its edits are versioned); an order records the version it used. */
  promotionVersion: number;
  /** The coupon code that unlocked it, normalized; null for an automatic discount. */
  code: string | null;
  /** What the buyer sees: "SUMMER20: 20% off". */
  label: string;
  /** What it took off the order, in total (lines and order level). */
  amount: Money;
  /** The part of `amount` taken off each line, by SKU (empty for an order-level discount). */
  lineAmounts: readonly { sku: string; amount: Money }[];
  /** The discount makes shipping free (the shipping stage then charges nothing). */
  freeShipping: boolean;
  /**
   * The stock figures a promotion's stock rule was decided on (each matching SKU's units on hand
   * and days of cover); absent for a promotion without one.
   */
  evidence?: { sku: string; onHand: number; daysOfCover: number | null }[];
}

export interface PriceBreakdown {
  currency: string;
  subtotal: Money;
  discounts: readonly AppliedDiscount[];
  /** The sum of `discounts[].amount`; never more than the subtotal. */
  discountTotal: Money;
  shipping: Money;
  tax: Money;
  /** subtotal − discountTotal + shipping + tax. */
  total: Money;
  /** The chosen shipping method as priced (null until an address and a method are given). */
  shippingMethod?: ChosenShipping | null;
  /** How the tax was computed, per line and for shipping (see `TaxDetail`). */
  taxDetail?: TaxDetail;
  /** Stages not yet computable: `shipping` without an address or a method, `tax` without an address. */
  pending?: readonly ('shipping' | 'tax')[];
}

export interface ChosenShipping {
  methodId: string;
  zoneId: string;
  name: string;
  minDays: number;
  maxDays: number;
}

/**
 * The tax of an order, as recorded on it. `tax` in the breakdown is what is added to the total:
 * in a region whose prices include tax (EU style) it is 0 and `included` holds the tax the prices
 * already carry; in an exclusive region (US style) `tax` equals `total`. `known: false` marks an
 * order placed before tax was computed (its breakdown is empty, never made up) or one without an
 * address yet.
 */
export interface TaxDetail {
  known: boolean;
  /** The tax region that applied; null when none covers the address (nothing taxed). */
  regionId: string | null;
  included: boolean;
  rounding: 'line' | 'total';
  lines: readonly { sku: string; taxClass: string; rateBps: number; taxable: Money; tax: Money }[];
  shipping: { rateBps: number; taxable: Money; tax: Money };
  /** All the tax of the order, added or included. */
  total: Money;
}
