import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutChange } from '../../domain/carts/index.ts';
import type { ShippingZone } from '../../domain/shipping/index.ts';
import type { TaxRegion } from '../../domain/tax/index.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { cartStream, orderStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import type { CommandContext } from '../command-handlers.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

// Shipping by the parcel's weight, VAT by tax class: both come from the products' attributes.
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
      freeOver: null,
      minDays: 2,
      maxDays: 4,
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

/** A change as the 409 lists it, with the fields a test does not name left at their defaults. */
const change = (
  c: Partial<CheckoutChange> & Pick<CheckoutChange, 'what' | 'old' | 'new'>,
): CheckoutChange => ({
  line: null,
  sku: null,
  promotionId: null,
  requested: null,
  ...c,
});

describe.each(['pglite', 'postgres'] as const)('checkout against what the cart showed, on %s', (backend) => {
  let h: CommandHarness;
  const automatic: string[] = [];
  const ctx = (id = 'admin-1', role: CommandContext['actor']['role'] = 'admin') => h.context({ id, role });

  beforeAll(async () => {
    // The promotions' own discount stage over this harness's store; automatic promotions are the
    // ids a test puts in `automatic`.
    h = await commandHarness(backend, { promotions: { automaticPromotionIds: async () => automatic } });
    await h.handlers.createLocation('berlin', 'Berlin', ctx());
    await h.handlers.setShippingZone(germany, ctx());
    await h.handlers.setTaxRegion(deVat, ctx());
  });
  afterAll(() => h?.dispose());

  async function product(productId: string, price: number, stock: number, attributes = {}) {
    await h.handlers.createProduct(
      {
        productId,
        sku: productId.toUpperCase(),
        name: productId,
        description: '',
        brand: 'Acme',
        category: 'home',
        attributes,
        allowBackorder: false,
        price: eur(price),
      },
      ctx(),
    );
    await h.handlers.receiveStock(
      { sku: productId.toUpperCase(), location: 'berlin', quantity: stock, reference: null },
      ctx(),
    );
  }

  /** A customer's cart with these lines, an address and the method: ready to check out. */
  async function readyCart(cartId: string, customerId: string, lines: [string, number][]) {
    const access = { customerId, secret: null };
    const as = () => ctx(customerId, 'customer');
    await h.handlers.createCart({ cartId, customerId, currency: 'EUR' }, as());
    for (const [productId, quantity] of lines)
      await h.handlers.addLine(cartId, access, { productId, quantity }, as());
    await h.handlers.setShippingAddress(cartId, access, berlinAddress, as());
    await h.handlers.chooseShippingMethod(cartId, access, 'de-standard', as());
    return { access, as };
  }

  it('prices a cart with its products’ weight and tax class, as the order it becomes', async () => {
    await product('lamp', 2380, 5, { weightGrams: '800', taxClass: 'standard' });
    await product('book', 1070, 5, { weightGrams: '300', taxClass: 'reduced' });
    const { access, as } = await readyCart('k-weight', 'ada', [
      ['lamp', 1],
      ['book', 1],
    ]);
    // 1100 g: the second weight band (without the attributes, 0 g would take the first, 490).
    const cart = await h.handlers.cartFor('k-weight', access);
    expect(cart.totals).toMatchObject({
      subtotal: eur(3450),
      shipping: eur(890),
      tax: eur(0),
      total: eur(4340),
    });

    const placed = await h.handlers.checkOutCart('k-weight', access, {}, as());
    expect(placed.order.totals).toMatchObject({ shipping: eur(890), total: eur(4340) });
    // The book pays the reduced rate the region has for its class: 1070 holds 70 at 7 %.
    expect(placed.order.totals).toMatchObject({
      taxDetail: {
        lines: [
          { sku: 'LAMP', taxClass: 'standard', rateBps: 1900, taxable: eur(2380), tax: eur(380) },
          { sku: 'BOOK', taxClass: 'reduced', rateBps: 700, taxable: eur(1070), tax: eur(70) },
        ],
      },
    });
  });

  it('refuses a checkout whose price changed with every change listed, and places it once confirmed', async () => {
    await product('vase', 2000, 5, { weightGrams: '500' });
    const { access, as } = await readyCart('k-price', 'bea', [['vase', 2]]);
    await h.handlers.changePrice('vase', eur(2150), 'supplier', ctx());
    const cartRevision = await h.store.streamRevision(cartStream('k-price'));

    const refused = await h.handlers.checkOutCart('k-price', access, {}, as()).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'cart_changed',
      kind: 'conflict',
      details: {
        cartId: 'k-price',
        currency: 'EUR',
        expectedTotal: 4300 + 490,
        changes: [
          change({ what: 'price', line: 'vase', sku: 'VASE', old: 2000, new: 2150 }),
          change({ what: 'total', old: 4000 + 490, new: 4300 + 490 }),
        ],
      },
    });
    // Nothing placed, nothing reserved, the cart as it was.
    expect(await h.store.streamRevision(orderStream('k-price'))).toBeNull();
    expect(await h.store.streamRevision(cartStream('k-price'))).toBe(cartRevision);

    // A total other than the one now is refused too; the one the 409 named places the order.
    await expect(
      h.handlers.checkOutCart('k-price', access, { expectedTotal: 4490 }, as()),
    ).rejects.toMatchObject({ code: 'cart_changed' });
    const placed = await h.handlers.checkOutCart('k-price', access, { expectedTotal: 4790 }, as());
    expect(placed.order.totals).toMatchObject({ subtotal: eur(4300), total: eur(4790) });
    expect((await h.handlers.cartFor('k-price', access)).status).toBe('checked_out');
  });

  it('refuses a cart whose stock went, whatever total is confirmed', async () => {
    await product('bowl', 900, 3, { weightGrams: '100' });
    const { access, as } = await readyCart('k-stock', 'cem', [['bowl', 3]]);
    await h.handlers.placeOrder(
      {
        orderId: 'o-bowl',
        customerId: 'dan',
        currency: 'EUR',
        lines: [{ productId: 'bowl', quantity: 2 }],
        shippingAddress: berlinAddress,
        shippingMethodId: 'de-standard',
      },
      ctx(),
    );
    for (const input of [{}, { expectedTotal: 2700 + 490 }]) {
      await expect(h.handlers.checkOutCart('k-stock', access, input, as())).rejects.toMatchObject({
        code: 'cart_changed',
        details: {
          changes: [
            change({ what: 'quantity_unavailable', line: 'bowl', sku: 'BOWL', requested: 3, old: 3, new: 1 }),
          ],
          expectedTotal: 3190,
        },
      });
    }
    expect(await h.store.streamRevision(orderStream('k-stock'))).toBeNull();
  });

  it('refuses a checkout a promotion changed, naming the promotion', async () => {
    await product('tray', 3000, 5, { weightGrams: '400' });
    const { access, as } = await readyCart('k-promo', 'eve', [['tray', 1]]);
    await h.handlers.createPromotion(
      {
        promotionId: 'promo-tray',
        definition: definition(
          { kind: 'order_percent', basisPoints: 1000 },
          { rules: { productIds: ['tray'] } },
        ),
      },
      ctx(),
    );
    await h.handlers.activatePromotion('promo-tray', ctx());
    automatic.push('promo-tray');

    await expect(h.handlers.checkOutCart('k-promo', access, {}, as())).rejects.toMatchObject({
      code: 'cart_changed',
      details: {
        changes: [
          change({ what: 'discount', promotionId: 'promo-tray', old: 0, new: 300 }),
          change({ what: 'total', old: 3490, new: 3190 }),
        ],
        expectedTotal: 3190,
      },
    });
    const placed = await h.handlers.checkOutCart('k-promo', access, { expectedTotal: 3190 }, as());
    expect(placed.order.totals).toMatchObject({ discountTotal: eur(300), total: eur(3190) });
  });

  it('marks the cart checked out in the order’s own append, and answers a retry of the request with that order', async () => {
    await product('cup', 800, 5, { weightGrams: '200' });
    const { access, as } = await readyCart('k-atomic', 'fia', [['cup', 2]]);
    const keyed = { ...as(), extra: { idempotencyKey: 'checkout-k-atomic' } };
    const placed = await h.handlers.checkOutCart('k-atomic', access, {}, keyed);

    // One transaction: the cart's CartCheckedOut carries the order's commit position.
    const cartEvents = await h.store.readStream(cartStream('k-atomic'));
    const checkedOut = cartEvents.at(-1)!;
    expect(checkedOut.type).toBe('CartCheckedOut');
    expect(checkedOut.position.commit).toBe(placed.position.commit);

    // The same request again (its answer lost): the first run's order, nothing appended.
    const orderRevision = await h.store.streamRevision(orderStream('k-atomic'));
    const again = await h.handlers.checkOutCart('k-atomic', access, {}, keyed);
    expect(again.order.orderId).toBe('k-atomic');
    expect(again.position).toEqual(placed.position);
    expect(await h.store.streamRevision(orderStream('k-atomic'))).toBe(orderRevision);
    expect(await h.store.streamRevision(cartStream('k-atomic'))).toBe(checkedOut.revision);
    // Another request on the checked-out cart is refused.
    await expect(h.handlers.checkOutCart('k-atomic', access, {}, as())).rejects.toMatchObject({
      code: 'cart_closed',
    });
  });

  it('never places an order other than the cart it checks out, when the cart changes during checkout', async () => {
    await product('jug', 700, 100, { weightGrams: '200' });
    for (let round = 0; round < 6; round++) {
      const cartId = `k-race-${round}`;
      const { access, as } = await readyCart(cartId, 'gio', [['jug', 1]]);
      const cart = await h.handlers.cartFor(cartId, access);
      const [checkout, change] = await Promise.allSettled([
        h.handlers.checkOutCart(cartId, access, { expectedTotal: cart.totals!.total.amount }, as()),
        h.handlers.changeQuantity(cartId, access, { productId: 'jug', quantity: 3 }, as()),
      ]);
      const final = await h.handlers.cartFor(cartId, access);
      if (checkout.status === 'fulfilled') {
        expect(final.status).toBe('checked_out');
        // The order holds what the cart held when it was checked out.
        expect(checkout.value.order.lines.map((l) => l.quantity)).toEqual([final.lines.jug!.quantity]);
      } else {
        expect(checkout.reason).toMatchObject({ kind: 'conflict' });
        expect(change.status).toBe('fulfilled');
        expect(final.status).toBe('open');
        expect(await h.store.streamRevision(orderStream(cartId))).toBeNull();
      }
    }
  });
});
