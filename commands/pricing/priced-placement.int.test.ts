import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../domain/errors.ts';
import { ShippingMethodUnavailable } from '../../domain/shipping/errors.ts';
import type { ShippingZone } from '../../domain/shipping/index.ts';
import type { TaxRegion } from '../../domain/tax/index.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import type { PlaceOrderInput } from '../orders/placement.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const usd = (amount: number) => ({ amount, currency: 'USD' });
const austin = { ...berlinAddress, city: 'Austin', postalCode: '78701', region: 'TX', country: 'US' };

const germany: ShippingZone = {
  zoneId: 'de',
  name: 'Germany',
  countries: ['DE'],
  regions: [],
  postalPrefixes: [],
  methods: [
    {
      methodId: 'de-standard',
      name: 'Standard',
      currency: 'EUR',
      rate: {
        kind: 'weight',
        bands: [
          { upTo: 1000, amount: 490 },
          { upTo: null, amount: 890 },
        ],
      },
      freeOver: 10_000,
      minDays: 2,
      maxDays: 4,
    },
  ],
};
const texas: ShippingZone = {
  zoneId: 'us-tx',
  name: 'Texas',
  countries: ['US'],
  regions: ['TX'],
  postalPrefixes: [],
  methods: [
    {
      methodId: 'us-ground',
      name: 'Ground',
      currency: 'USD',
      rate: { kind: 'flat', amount: 799 },
      freeOver: null,
      minDays: 3,
      maxDays: 6,
    },
  ],
};
const deVat: TaxRegion = {
  regionId: 'de',
  country: 'DE',
  region: null,
  pricesIncludeTax: true,
  ratesBps: { standard: 1900, reduced: 700 },
  shippingTaxClass: 'standard',
};
const txSalesTax: TaxRegion = {
  regionId: 'us-tx',
  country: 'US',
  region: 'TX',
  pricesIncludeTax: false,
  ratesBps: { standard: 825 },
  shippingTaxClass: null,
};

describe.each(['pglite', 'postgres'] as const)('placement priced by the pipeline on %s', (backend) => {
  let h: CommandHarness;
  const place = (orderId: string, input: Partial<PlaceOrderInput>) =>
    h.handlers.placeOrder(
      { orderId, customerId: 'c1', currency: 'EUR', lines: [], shippingAddress: berlinAddress, ...input },
      h.context(),
    );

  beforeAll(async () => {
    // The promotions' own discount stage, over this harness's store (it exists only once the
    // harness does): the coupon `TEN` is a real promotion, redeemed with the order.
    h = await commandHarness(backend, { promotions: {} });
    const ctx = h.context();
    await h.handlers.createPromotion(
      {
        promotionId: 'promo-ten',
        definition: definition(
          { kind: 'order_percent', basisPoints: 1000 },
          { codes: { mode: 'shared', code: 'TEN' }, rules: { currency: 'USD' } },
        ),
      },
      ctx,
    );
    await h.handlers.activatePromotion('promo-ten', ctx);
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    const details = { description: '', brand: 'Acme', category: 'tools', allowBackorder: false };
    const product = (
      productId: string,
      sku: string,
      price: { amount: number; currency: string },
      attributes: Record<string, string>,
    ) => h.handlers.createProduct({ productId, sku, name: sku, price, attributes, ...details }, ctx);
    await product('p-lamp', 'LAMP', eur(2380), { weightGrams: '800', taxClass: 'standard' });
    await product('p-book', 'BOOK', eur(1070), { weightGrams: '300', taxClass: 'reduced' });
    await product('p-mug', 'MUG-US', usd(1500), {});
    for (const sku of ['LAMP', 'BOOK', 'MUG-US'])
      await h.handlers.receiveStock({ sku, location: 'berlin', quantity: 50, reference: null }, ctx);
    // Before any zone, a shop ships nothing: no method needed, no shipping charged.
    const unshipped = await place('o-none', { lines: [{ productId: 'p-lamp', quantity: 1 }] });
    expect(unshipped.order.totals).toMatchObject({ shipping: eur(0), total: eur(2380) });
    await h.handlers.setShippingZone(germany, ctx);
    await h.handlers.setShippingZone(texas, ctx);
    await h.handlers.setTaxRegion(deVat, ctx);
    await h.handlers.setTaxRegion(txSalesTax, ctx);
  });
  afterAll(() => h?.dispose());

  it('EU: computes shipping by weight and the VAT the prices hold, per line and on shipping', async () => {
    const placed = await place('o-de', {
      lines: [
        { productId: 'p-lamp', quantity: 1 },
        { productId: 'p-book', quantity: 1 },
      ],
      shippingMethodId: 'de-standard',
    });
    // 1100 g: the second band. Inclusive: 2380 holds 380 at 19 %, 1070 holds 70 at 7 %, 890 holds 142.1 → 142.
    expect(placed.order.totals).toMatchObject({
      subtotal: eur(3450),
      discountTotal: eur(0),
      shipping: eur(890),
      tax: eur(0),
      total: eur(3450 + 890),
      shippingMethod: { methodId: 'de-standard', zoneId: 'de', minDays: 2, maxDays: 4 },
      taxDetail: { known: true, regionId: 'de', included: true, total: eur(380 + 70 + 142) },
    });
    if (!('taxDetail' in placed.order.totals)) throw new Error('a new order carries its tax detail');
    expect(placed.order.totals.taxDetail.lines.map((l) => [l.sku, l.rateBps, l.tax.amount])).toEqual([
      ['LAMP', 1900, 380],
      ['BOOK', 700, 70],
    ]);
  });

  it('US: adds sales tax on the discounted lines, passes coupon codes to the discount stage', async () => {
    const placed = await place('o-us', {
      currency: 'USD',
      lines: [{ productId: 'p-mug', quantity: 3 }],
      shippingAddress: austin,
      shippingMethodId: 'us-ground',
      couponCodes: ['TEN'],
    });
    // 4500 − 450 = 4050 taxed at 8.25 % = 334.125 → 334; shipping untaxed in Texas.
    expect(placed.order.totals).toMatchObject({
      subtotal: usd(4500),
      discountTotal: usd(450),
      discounts: [{ promotionId: 'promo-ten', promotionVersion: 1, code: 'TEN', amount: usd(450) }],
      shipping: usd(799),
      tax: usd(334),
      total: usd(4500 - 450 + 799 + 334),
    });
  });

  it('answers the same breakdown as a quote, appending nothing', async () => {
    const input = {
      currency: 'USD',
      lines: [{ productId: 'p-mug', quantity: 3 }],
      shippingAddress: austin,
      shippingMethodId: 'us-ground',
      couponCodes: ['TEN'],
      customerId: 'c1',
      channel: null,
    };
    const quote = await h.handlers.quotePrice(input, h.clock.now().toISOString());
    expect(quote).toMatchObject({
      subtotal: usd(4500),
      discountTotal: usd(450),
      shipping: usd(799),
      tax: usd(334),
      total: usd(5183),
    });
    const options = await h.handlers.shippingOptions(
      {
        ...input,
        where: { country: 'DE', region: null, postalCode: '10115' },
        currency: 'EUR',
        lines: [{ productId: 'p-book', quantity: 1 }],
      },
      h.clock.now().toISOString(),
    );
    expect(options).toEqual([
      {
        methodId: 'de-standard',
        zoneId: 'de',
        name: 'Standard',
        fee: 490,
        currency: 'EUR',
        minDays: 2,
        maxDays: 4,
      },
    ]);
  });

  it('refuses an order without a method once zones exist, and a method that does not ship there', async () => {
    const refused = await place('o-x', { lines: [{ productId: 'p-lamp', quantity: 1 }] }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).details.field).toBe('shippingMethodId');
    await expect(
      place('o-y', { lines: [{ productId: 'p-lamp', quantity: 1 }], shippingMethodId: 'us-ground' }),
    ).rejects.toBeInstanceOf(ShippingMethodUnavailable);
  });
});
