import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShippingZone } from '../../domain/shipping/index.ts';
import type { TaxQuery, TaxProvider } from '../../ports/tax.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { orderStream } from '../../domain/streams.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const germany: ShippingZone = {
  zoneId: 'de',
  name: 'Germany',
  countries: ['DE'],
  regions: [],
  postalPrefixes: [],
  methods: [
    {
      methodId: 'de-flat',
      name: 'Flat',
      currency: 'EUR',
      rate: { kind: 'flat', amount: 500 },
      freeOver: null,
      minDays: 1,
      maxDays: 3,
    },
  ],
};

/**
 * An outside tax service behind the tax port, as an Avalara or TaxJar adapter would answer: a
 * flat 10 % on top of every line and the shipping, rounded down. `broken` makes it answer one
 * line short, which the pipeline must refuse.
 */
function outsideProvider() {
  const queries: TaxQuery[] = [];
  let broken = false;
  const provider: TaxProvider = {
    name: 'outside',
    calculate(query) {
      queries.push(query);
      const lines = query.lines.map((l) => ({
        sku: l.sku,
        taxClass: l.taxClass,
        rateBps: 1000,
        tax: Math.floor(l.amount / 10),
      }));
      const shipping = { rateBps: 1000, tax: Math.floor(query.shipping / 10) };
      const total = lines.reduce((a, l) => a + l.tax, 0) + shipping.tax;
      return Promise.resolve({
        regionId: `outside-${query.address.country}`,
        included: false,
        rounding: 'line' as const,
        lines: broken ? lines.slice(1) : lines,
        shipping,
        total,
      });
    },
  };
  return { provider, queries, breakNext: () => void (broken = true) };
}

describe.each(['pglite', 'postgres'] as const)('the tax port with an outside provider, on %s', (backend) => {
  let h: CommandHarness;
  const outside = outsideProvider();

  beforeAll(async () => {
    h = await commandHarness(backend, { taxProvider: outside.provider });
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.setShippingZone(germany, ctx);
    // The shop's own table says 19 % included: the outside provider, not the table, decides.
    await h.handlers.setTaxRegion(
      {
        regionId: 'de',
        country: 'DE',
        region: null,
        pricesIncludeTax: true,
        ratesBps: { standard: 1900 },
        shippingTaxClass: 'standard',
      },
      ctx,
    );
    for (const [productId, price, taxClass] of [
      ['lamp', 2345, 'standard'],
      ['book', 1000, 'reduced'],
    ] as const) {
      await h.handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'Acme',
          category: 'home',
          attributes: { taxClass },
          allowBackorder: false,
          price: eur(price),
        },
        ctx,
      );
      await h.handlers.receiveStock(
        { sku: productId.toUpperCase(), location: 'berlin', quantity: 10, reference: null },
        ctx,
      );
    }
  });
  afterAll(() => h?.dispose());

  const lines = [
    { productId: 'lamp', quantity: 1 },
    { productId: 'book', quantity: 2 },
  ];

  it('taxes quotes and placed orders with the provider’s answer, recorded per line and for shipping', async () => {
    const quote = await h.handlers.quotePrice(
      {
        currency: 'EUR',
        lines,
        shippingAddress: berlinAddress,
        shippingMethodId: 'de-flat',
        couponCodes: [],
        customerId: null,
        channel: null,
      },
      h.context().now,
    );
    // 234 + 200 on the lines, 50 on the shipping, added on top.
    expect(quote).toMatchObject({ subtotal: eur(4345), shipping: eur(500), tax: eur(484), total: eur(5329) });
    const placed = await h.handlers.placeOrder(
      {
        orderId: 'o-outside',
        customerId: 'c1',
        currency: 'EUR',
        lines,
        shippingAddress: berlinAddress,
        shippingMethodId: 'de-flat',
      },
      h.context(),
    );
    expect(placed.order.totals).toMatchObject({
      tax: eur(484),
      total: eur(5329),
      taxDetail: {
        known: true,
        regionId: 'outside-DE',
        included: false,
        lines: [
          { sku: 'LAMP', taxClass: 'standard', rateBps: 1000, taxable: eur(2345), tax: eur(234) },
          { sku: 'BOOK', taxClass: 'reduced', rateBps: 1000, taxable: eur(2000), tax: eur(200) },
        ],
        shipping: { rateBps: 1000, taxable: eur(500), tax: eur(50) },
        total: eur(484),
      },
    });
    // The provider was asked with the discounted lines, their classes and the shipping fee.
    expect(outside.queries.at(-1)).toMatchObject({
      currency: 'EUR',
      address: { country: 'DE' },
      lines: [
        { sku: 'LAMP', taxClass: 'standard', amount: 2345 },
        { sku: 'BOOK', taxClass: 'reduced', amount: 2000 },
      ],
      shipping: 500,
    });
  });

  it('refuses an answer that does not fit the order, and places nothing', async () => {
    outside.breakNext();
    await expect(
      h.handlers.placeOrder(
        {
          orderId: 'o-broken',
          customerId: 'c1',
          currency: 'EUR',
          lines,
          shippingAddress: berlinAddress,
          shippingMethodId: 'de-flat',
        },
        h.context(),
      ),
    ).rejects.toThrow('tax provider');
    expect(await h.store.streamRevision(orderStream('o-broken'))).toBeNull();
  });
});
