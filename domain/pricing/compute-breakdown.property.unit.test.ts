import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../decider.ts';
import { shippingDecider, type ShippingEvent } from '../shipping/index.ts';
import { taxDecider, type TaxEvent } from '../tax/index.ts';
import { computeBreakdown, type PricingConfig } from './compute-breakdown.ts';
import type { AppliedDiscount, PricingRequest } from './price-breakdown.ts';

/** Cases per property (the domain's tests take nothing from the environment). */
const runs = 300;

const address = (country: string) => ({
  name: 'Ada',
  line1: '1 Main St',
  line2: null,
  city: 'Town',
  postalCode: '10115',
  region: null,
  country,
});

const config = (inclusive: boolean, rounding: 'line' | 'total'): PricingConfig => ({
  shipping: replay(shippingDecider, [
    {
      type: 'ShippingZoneSet',
      data: {
        zone: {
          zoneId: 'all',
          name: 'Everywhere',
          countries: ['DE', 'US'],
          regions: [],
          postalPrefixes: [],
          methods: [
            {
              methodId: 'std',
              name: 'Standard',
              currency: 'EUR',
              rate: {
                kind: 'weight',
                bands: [
                  { upTo: 2000, amount: 499 },
                  { upTo: null, amount: 999 },
                ],
              },
              freeOver: 10_000,
              minDays: 1,
              maxDays: 3,
            },
          ],
        },
      },
    } satisfies ShippingEvent,
  ]),
  tax: replay(taxDecider, [
    {
      type: 'TaxRegionSet',
      data: {
        region: {
          regionId: 'de',
          country: 'DE',
          region: null,
          pricesIncludeTax: inclusive,
          ratesBps: { standard: 1900, reduced: 700, zero: 0 },
          shippingTaxClass: 'standard',
        },
      },
    },
    ...(rounding === 'total'
      ? [{ type: 'TaxRoundingSet', data: { rounding: 'total' } } satisfies TaxEvent]
      : []),
  ] satisfies TaxEvent[]),
});

const skus = ['A', 'B', 'C', 'D', 'E'];
const lines = fc.uniqueArray(
  fc.record({
    sku: fc.constantFrom(...skus),
    quantity: fc.integer({ min: 1, max: 20 }),
    price: fc.integer({ min: 0, max: 50_000 }),
    weightGrams: fc.integer({ min: 0, max: 3000 }),
    taxClass: fc.constantFrom('standard', 'reduced', 'zero', 'unknown-class'),
  }),
  { selector: (l) => l.sku, maxLength: 5 },
);
const discounts = fc.array(
  fc.record({
    amount: fc.integer({ min: 0, max: 200_000 }),
    lineSku: fc.option(fc.constantFrom(...skus), { nil: null }),
    lineAmount: fc.integer({ min: 0, max: 200_000 }),
    freeShipping: fc.boolean(),
  }),
  { maxLength: 3 },
);

type Line = { sku: string; quantity: number; price: number; weightGrams: number; taxClass: string };
type Offered = { amount: number; lineSku: string | null; lineAmount: number; freeShipping: boolean };

function request(ls: readonly Line[], country: string | null, method: string | null): PricingRequest {
  return {
    currency: 'EUR',
    lines: ls.map((l) => ({
      productId: `p-${l.sku}`,
      sku: l.sku,
      category: 'c',
      brand: 'b',
      quantity: l.quantity,
      unitPrice: { amount: l.price, currency: 'EUR' },
      weightGrams: l.weightGrams,
      taxClass: l.taxClass,
    })),
    shippingAddress: country === null ? null : address(country),
    shippingMethodId: method,
    customer: null,
    couponCodes: [],
    channel: null,
    at: '2026-12-05T10:00:00.000Z',
  };
}

const applied = (ds: readonly Offered[]): AppliedDiscount[] =>
  ds.map((d, i) => ({
    promotionId: `promo-${i}`,
    promotionVersion: 1,
    code: null,
    label: `promo ${i}`,
    amount: { amount: d.amount, currency: 'EUR' },
    lineAmounts:
      d.lineSku === null ? [] : [{ sku: d.lineSku, amount: { amount: d.lineAmount, currency: 'EUR' } }],
    freeShipping: d.freeShipping,
  }));

describe('the price pipeline', () => {
  it('total = subtotal − discounts + shipping + tax, in integers, never negative; taxables add up', () => {
    fc.assert(
      fc.property(
        lines,
        discounts,
        fc.constantFrom('DE', 'US', null),
        fc.constantFrom('std', null),
        fc.boolean(),
        fc.constantFrom('line' as const, 'total' as const),
        (ls, ds, country, method, inclusive, rounding) => {
          const b = computeBreakdown(request(ls, country, method), applied(ds), config(inclusive, rounding));
          const figures = [b.subtotal, b.discountTotal, b.shipping, b.tax, b.total];
          for (const f of figures) {
            expect(Number.isSafeInteger(f.amount)).toBe(true);
            expect(f.amount).toBeGreaterThanOrEqual(0);
            expect(f.currency).toBe('EUR');
          }
          expect(b.total.amount).toBe(
            b.subtotal.amount - b.discountTotal.amount + b.shipping.amount + b.tax.amount,
          );
          expect(b.discountTotal.amount).toBeLessThanOrEqual(b.subtotal.amount);
          expect(b.discounts.reduce((a, d) => a + d.amount.amount, 0)).toBe(b.discountTotal.amount);
          const detail = b.taxDetail!;
          if (detail.known) {
            const taxable = detail.lines.reduce((a, l) => a + l.taxable.amount, 0);
            expect(taxable).toBe(b.subtotal.amount - b.discountTotal.amount);
            for (const l of detail.lines) expect(l.taxable.amount).toBeGreaterThanOrEqual(0);
            const lineTax = detail.lines.reduce((a, l) => a + l.tax.amount, 0) + detail.shipping.tax.amount;
            expect(lineTax).toBe(detail.total.amount);
            expect(b.tax.amount).toBe(detail.included ? 0 : detail.total.amount);
          } else expect(b.tax.amount).toBe(0);
          if (method === null || country === null) expect(b.shipping.amount).toBe(0);
        },
      ),
      { numRuns: runs },
    );
  });

  it('a free-shipping discount zeroes shipping; the threshold applies to the discounted subtotal', () => {
    const one = [{ sku: 'A', quantity: 1, price: 12_000, weightGrams: 100, taxClass: 'standard' }];
    const cfg = config(false, 'line');
    expect(computeBreakdown(request(one, 'DE', 'std'), [], cfg).shipping.amount).toBe(0);
    const off = applied([{ amount: 3000, lineSku: null, lineAmount: 0, freeShipping: false }]);
    const b = computeBreakdown(request(one, 'DE', 'std'), off, cfg);
    expect(b.shipping.amount).toBe(499);
    // 19 % on 9000 goods and on 499 shipping, each rounded: 1710 + 94.81 → 95.
    expect(b.tax.amount).toBe(1710 + 95);
    expect(b.total.amount).toBe(12_000 - 3000 + 499 + 1805);
    const free = applied([{ amount: 0, lineSku: null, lineAmount: 0, freeShipping: true }]);
    expect(computeBreakdown(request(one, 'DE', 'std'), [...off, ...free], cfg).shipping.amount).toBe(0);
  });

  it('marks shipping and tax pending until an address (and a method) is known', () => {
    const one = [{ sku: 'A', quantity: 2, price: 500, weightGrams: 0, taxClass: 'standard' }];
    const b = computeBreakdown(request(one, null, null), [], config(false, 'line'));
    expect(b).toMatchObject({ pending: ['shipping', 'tax'], total: { amount: 1000 } });
    expect(b.taxDetail?.known).toBe(false);
  });
});
