import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from '../../ports/position.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { readApiHarness, type CacheKind, type ReadApiHarness } from '../../test-support/read-api-harness.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY).toISOString();

type ActiveItem = { promotionId: string; productPrice: unknown };
type ActiveAnswer = { serverTime: string; items: ActiveItem[] };

/**
 * The storefront's `GET /promotions/active` over the real projectors: an item-level promotion
 * carries the product's price under it and the EU Omnibus "was" price, the lowest of the 30 days
 * before the promotion's reduction began, from the catalog's price history. The history is written
 * in the past (January 2026) so that every promotion is in its window when the route asks now.
 */
describe.each<['pglite' | 'postgres', CacheKind]>([
  ['pglite', 'memory'],
  ['postgres', 'redis'],
])('the storefront promotions with their "was" price on %s', (backend, cacheKind) => {
  let h: ReadApiHarness;
  let last: Position | null = null;
  const at = (n: number) => {
    h.clock.set(day(n));
    return h.context();
  };
  const track = (result: { position: Position | null }) => {
    if (result.position) last = result.position;
  };
  const product = (productId: string, category: string, price: number, n: number) =>
    h.handlers
      .createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'Acme',
          category,
          attributes: {},
          allowBackorder: false,
          price: eur(price),
        },
        at(n),
      )
      .then(track);
  const price = (productId: string, amount: number, n: number) =>
    h.handlers.changePrice(productId, eur(amount), 'repriced', at(n)).then(track);
  const active = async (query: string) => {
    await h.settle(last);
    const response = await h.get(`/promotions/active?${query}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ActiveAnswer;
    return new Map(body.items.map((item) => [item.promotionId, item.productPrice]));
  };

  beforeAll(async () => {
    h = await readApiHarness(backend, cacheKind);
    // The mug: 20.00 from day 0, 15.00 on days 20 to 25, then 25.00 until the sale of day 40.
    await product('mug', 'kitchen', 2000, 0);
    await price('mug', 1500, 20);
    await price('mug', 2500, 25);
    // The tee is young: created 8 days before the flash sale's window opens, raised since.
    await product('tee', 'apparel', 800, 30);
    await price('tee', 1000, 35);
    // The flash sale was activated on day 36 for a window opening on day 38.
    const flash = definition(
      { kind: 'items_fixed', amountPerUnit: 100 },
      {
        name: 'Flash',
        rules: { categories: ['apparel'], startsAt: day(38) },
        limits: { counts: 'units', total: 50, perCustomer: null, perCode: null },
      },
    );
    track(await h.handlers.createPromotion({ promotionId: 'flash', definition: flash }, at(36)));
    track(await h.handlers.activatePromotion('flash', at(36)));
    // The mug sale: created as a draft on day 30, its reduction begins when it is activated, day 40.
    const sale = definition({ kind: 'items_percent', basisPoints: 2000 }, { rules: { productIds: ['mug'] } });
    track(await h.handlers.createPromotion({ promotionId: 'sale', definition: sale }, at(30)));
    track(await h.handlers.activatePromotion('sale', at(40)));
    const order = definition({ kind: 'order_percent', basisPoints: 500 }, { name: 'Five off' });
    track(await h.handlers.createPromotion({ promotionId: 'order', definition: order }, at(40)));
    track(await h.handlers.activatePromotion('order', at(40)));
    // During the sale the mug's price goes up; the cap comes out after the flash sale began.
    await price('mug', 3000, 45);
    await product('cap', 'apparel', 1200, 50);
  });
  afterAll(async () => h?.close());

  it('shows the price under the promotion against the lowest price of the 30 days before it began', async () => {
    const mug = await active('productId=mug&category=kitchen&brand=Acme');
    expect(mug.get('sale')).toEqual({
      // Its price now, raised on day 45 during the sale: 20 % off it.
      regular: eur(3000),
      price: eur(2400),
      // Days 10 to 40: 20.00 until day 20, 15.00, then 25.00. Not the 30.00 of the 30 days before now.
      was: eur(1500),
      reducedSince: day(40),
    });
    // An order-level promotion has no unit price to show.
    expect(mug.get('order')).toBeNull();
    expect(mug.has('flash')).toBe(false);
  });

  it('looks back only over the days the product existed, from the window start of a promotion activated before it', async () => {
    const tee = await active('productId=tee&category=apparel&brand=Acme');
    expect(tee.get('flash')).toEqual({
      regular: eur(1000),
      price: eur(900),
      // The tee existed for 8 of the 30 days before day 38: 8.00, then 10.00.
      was: eur(800),
      reducedSince: day(38),
    });
  });

  it("finds a category's promotions for a product from the catalog, whatever the query says", async () => {
    // A product page knows only the product's id: the flash sale targets apparel, which the tee is.
    const tee = await active('productId=tee');
    expect(tee.get('flash')).toMatchObject({ price: eur(900) });
    // A wrong category in the query does not hide it, nor show another category's promotion.
    expect((await active('productId=tee&category=kitchen')).has('flash')).toBe(true);
    expect((await active('productId=mug&category=apparel')).has('flash')).toBe(false);
  });

  it('has no "was" price for a product created after the reduction began', async () => {
    const cap = await active('productId=cap&category=apparel&brand=Acme');
    expect(cap.get('flash')).toEqual({
      regular: eur(1200),
      price: eur(1100),
      was: null,
      reducedSince: day(38),
    });
  });

  it('answers no product price without a product, and for a product the catalog does not know', async () => {
    const all = await active('');
    expect([...all.keys()].sort()).toEqual(['flash', 'order', 'sale']);
    expect([...all.values()]).toEqual([null, null, null]);
    const unknown = await active('productId=nothing');
    expect(unknown.get('order')).toBeNull();
  });
});
