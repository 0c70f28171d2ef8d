import { CurrencyMismatch, ValidationFailed } from '../errors.ts';
import { money, splitAmount, type Money } from '../money.ts';
import { chosenShipping, type ShippingState } from '../shipping/index.ts';
import { unknownTaxDetail } from '../orders/totals.ts';
import { computeTax, type TaxableLine, type TaxResult, type TaxState } from '../tax/index.ts';
import { requireNonNegativeInt, requirePositiveInt } from '../validation.ts';
import type {
  AppliedDiscount,
  ChosenShipping,
  PriceBreakdown,
  PricingRequest,
  TaxDetail,
} from './price-breakdown.ts';

/** The configuration the shipping and tax stages read: the `shipping-shop` and `tax-shop` streams. */
export interface PricingConfig {
  shipping: ShippingState;
  tax: TaxState;
}

/**
 * The price pipeline once the discount stage has answered: subtotal → discounts → shipping → tax
 * → total, all in integer minor units of the request's currency. Pure, so the same request and
 * configuration always give the same breakdown (the quote a cart shows is the price an order gets).
 *
 * - Discounts never take more than the subtotal: past it, the last ones are trimmed.
 * - Each line's taxable amount is its total less its own discounts (`lineAmounts`) and its share of
 *   the order-level ones (split by the lines' remaining amounts, largest remainder).
 * - Shipping is the chosen method's rate for the address's zone, on the discounted subtotal and
 *   the parcel's weight; a discount with `freeShipping` makes it 0.
 * - Tax is on the discounted lines and on shipping, by the address's tax region.
 */
export function computeBreakdown(
  request: PricingRequest,
  offered: readonly AppliedDiscount[],
  config: PricingConfig,
): PriceBreakdown {
  const basis = taxBasis(request, offered, config);
  const taxed = basis.address ? computeTax(config.tax, basis.address, basis.taxable, basis.shipping) : null;
  return withTax(basis, taxed);
}

/**
 * Everything of a breakdown but its tax: the figures up to shipping, and what a tax provider is
 * asked to tax (the discounted lines and the shipping, for the address). The tax stage is
 * `computeTax` on the shop's table by default, or any provider behind the tax port
 * (`ports/tax.ts`); `withTax` then finishes the breakdown with its answer.
 */
export interface TaxBasis {
  request: PricingRequest;
  subtotal: number;
  discounts: AppliedDiscount[];
  discountTotal: number;
  shipping: number;
  shippingMethod: ChosenShipping | null;
  /** Null until the buyer gave one: then nothing is taxed yet. */
  address: PricingRequest['shippingAddress'];
  taxable: TaxableLine[];
  pending: ('shipping' | 'tax')[];
}

export function taxBasis(
  request: PricingRequest,
  offered: readonly AppliedDiscount[],
  config: Pick<PricingConfig, 'shipping'>,
): TaxBasis {
  const { currency } = request;
  money(0, currency, 'currency');
  const lineTotals = request.lines.map((line, i) => {
    if (line.unitPrice.currency !== currency)
      throw new CurrencyMismatch({ expected: currency, actual: line.unitPrice.currency });
    requirePositiveInt(`lines[${i}].quantity`, line.quantity);
    requireNonNegativeInt(`lines[${i}].unitPrice.amount`, line.unitPrice.amount);
    return line.unitPrice.amount * line.quantity;
  });
  const subtotal = lineTotals.reduce((a, b) => a + b, 0);
  const discounts = trimmed(offered, subtotal, currency);
  const discountTotal = discounts.reduce((a, d) => a + d.amount.amount, 0);
  const discounted = discountedLines(request, lineTotals, discounts, discountTotal);
  const pending: ('shipping' | 'tax')[] = [];

  let shipping = 0;
  let shippingMethod: ChosenShipping | null = null;
  const address = request.shippingAddress;
  if (address && request.shippingMethodId !== null) {
    const option = chosenShipping(config.shipping, request.shippingMethodId, address, {
      currency,
      subtotal: subtotal - discountTotal,
      weightGrams: request.lines.reduce((w, l) => w + (l.weightGrams ?? 0) * l.quantity, 0),
    });
    shipping = discounts.some((d) => d.freeShipping) ? 0 : option.fee;
    const { methodId, zoneId, name, minDays, maxDays } = option;
    shippingMethod = { methodId, zoneId, name, minDays, maxDays };
  } else pending.push('shipping');
  if (!address) pending.push('tax');
  return {
    request,
    subtotal,
    discounts,
    discountTotal,
    shipping,
    shippingMethod,
    address,
    taxable: request.lines.map((l, i) => ({
      sku: l.sku,
      taxClass: l.taxClass ?? 'standard',
      amount: discounted[i]!,
    })),
    pending,
  };
}

/**
 * The breakdown with the tax stage's answer (null without an address: tax not yet known). An
 * answer that does not fit the basis (another number of lines, a figure that is not a
 * non-negative integer, lines that do not add up to its total) is refused: the pipeline never
 * records a tax it cannot account for.
 */
export function withTax(basis: TaxBasis, taxed: TaxResult | null): PriceBreakdown {
  const { request, subtotal, discounts, discountTotal, shipping, shippingMethod, pending } = basis;
  const { currency } = request;
  const m = (amount: number): Money => money(amount, currency);
  let taxDetail: TaxDetail;
  if (taxed) {
    checkTaxAnswer(basis, taxed);
    taxDetail = {
      known: true,
      regionId: taxed.regionId,
      included: taxed.included,
      rounding: taxed.rounding,
      lines: taxed.lines.map((l, i) => ({ ...l, taxable: m(basis.taxable[i]!.amount), tax: m(l.tax) })),
      shipping: { rateBps: taxed.shipping.rateBps, taxable: m(shipping), tax: m(taxed.shipping.tax) },
      total: m(taxed.total),
    };
  } else taxDetail = unknownTaxDetail(currency);
  const tax = taxDetail.included ? 0 : taxDetail.total.amount;
  return {
    currency,
    subtotal: m(subtotal),
    discounts,
    discountTotal: m(discountTotal),
    shipping: m(shipping),
    tax: m(tax),
    total: m(subtotal - discountTotal + shipping + tax),
    shippingMethod,
    taxDetail,
    pending,
  };
}

function checkTaxAnswer(basis: TaxBasis, taxed: TaxResult): void {
  const figure = (n: number) => Number.isSafeInteger(n) && n >= 0;
  const sum = taxed.lines.reduce((a, l) => a + l.tax, 0) + taxed.shipping.tax;
  const fits =
    taxed.lines.length === basis.taxable.length &&
    taxed.lines.every((l, i) => l.sku === basis.taxable[i]!.sku && figure(l.tax) && figure(l.rateBps)) &&
    figure(taxed.shipping.tax) &&
    figure(taxed.shipping.rateBps) &&
    sum === taxed.total;
  if (!fits) throw new Error('The tax provider answered figures that do not fit the order');
}

/** The stage's discounts, checked, and trimmed from the last so they never pass the subtotal. */
function trimmed(offered: readonly AppliedDiscount[], subtotal: number, currency: string): AppliedDiscount[] {
  let room = subtotal;
  return offered.map((d, i) => {
    if (d.amount.currency !== currency)
      throw new CurrencyMismatch({ expected: currency, actual: d.amount.currency });
    requireNonNegativeInt(`discounts[${i}].amount.amount`, d.amount.amount);
    const amount = Math.min(d.amount.amount, room);
    room -= amount;
    return {
      ...d,
      amount: money(amount, currency),
      lineAmounts: d.lineAmounts.map((l) => ({ sku: l.sku, amount: money(l.amount.amount, currency) })),
    };
  });
}

/**
 * Each line's amount after discounts. Line-level amounts come first (capped at the line); the
 * rest of the discount total is shared over what is left of each line, largest remainder, so no
 * line goes below zero and the lines add up to subtotal − discountTotal exactly.
 */
function discountedLines(
  request: PricingRequest,
  lineTotals: readonly number[],
  discounts: readonly AppliedDiscount[],
  discountTotal: number,
): number[] {
  const bySku = new Map<string, number>();
  for (const d of discounts)
    for (const l of d.lineAmounts) {
      if (!Number.isSafeInteger(l.amount.amount) || l.amount.amount < 0)
        throw new ValidationFailed('discounts.lineAmounts', 'must be non-negative integers');
      bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.amount.amount);
    }
  const own = request.lines.map((l, i) => {
    const wanted = bySku.get(l.sku) ?? 0;
    bySku.set(l.sku, 0); // a SKU's line amounts count once, on its first line
    return Math.min(wanted, lineTotals[i]!);
  });
  const ownTotal = own.reduce((a, b) => a + b, 0);
  // Trimming can leave line amounts above the total: then the total is shared over the lines alone.
  const base = ownTotal <= discountTotal ? own : lineTotals.map(() => 0);
  const left = lineTotals.map((t, i) => t - base[i]!);
  const rest = discountTotal - base.reduce((a, b) => a + b, 0);
  const shares = rest === 0 || left.every((l) => l === 0) ? left.map(() => 0) : splitAmount(rest, left);
  return left.map((l, i) => l - shares[i]!);
}
