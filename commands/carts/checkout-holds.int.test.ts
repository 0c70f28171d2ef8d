import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { cartHoldOf, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import type { CartAccess } from './cart-access.ts';
import { createHoldExpiryScheduler } from './hold-expiry-scheduler.ts';
import { remindAbandonedCart } from './abandoned-cart-reminders.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';

const TTL = 10 * 60_000;

/** What a refused call's error code is (null when it went through). */
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => {
      if (!isDomainError(error)) throw error;
      return error.code;
    },
  );

describe('checkout holds (PGlite)', () => {
  let h: CommandHarness;
  const customer = (customerId: string): CartAccess => ({ customerId, secret: null });

  beforeAll(async () => {
    h = await commandHarness('pglite', {
      settings: { checkoutHolds: { ttlMs: TTL, maxPerCart: 4, maxPerCustomer: 5 } },
    });
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
    await h.handlers.createLocation('hamburg', 'Hamburg', h.context());
    for (const [productId, stock] of [
      ['mug', 5],
      ['pen', 10],
      ['cap', 3],
      ['hat', 20],
      ['jar', 2],
      ['lid', 3],
      ['bag', 10],
    ] as const) {
      await h.handlers.createProduct(
        {
          productId,
          sku: productId.toUpperCase(),
          name: productId,
          description: '',
          brand: 'b',
          category: 'c',
          attributes: {},
          allowBackorder: false,
          price: { amount: 500, currency: 'EUR' },
        },
        h.context(),
      );
      await h.handlers.receiveStock(
        { sku: productId.toUpperCase(), location: 'berlin', quantity: stock, reference: null },
        h.context(),
      );
    }
  });
  afterAll(() => h?.dispose());

  const stock = async (sku: string, location = 'berlin'): Promise<StockState> =>
    (await h.store.readStream(stockStream(sku, location))).reduce(
      (state, event) => stockDecider.evolve(state, event as never),
      stockDecider.initialState(),
    );

  async function cart(cartId: string, owner: string, lines: [string, number][]) {
    await h.handlers.createCart({ cartId, customerId: owner, currency: 'EUR' }, h.context());
    for (const [productId, quantity] of lines)
      await h.handlers.addLine(cartId, customer(owner), { productId, quantity }, h.context());
    await h.handlers.setShippingAddress(cartId, customer(owner), berlinAddress, h.context());
  }

  it('holds a started cart’s stock against everyone else, and the hold becomes the order’s reservation', async () => {
    await cart('h1', 'ada', [['mug', 4]]);
    const started = await h.handlers.startCheckout('h1', customer('ada'), h.context());
    expect(started.holds).toEqual([
      {
        productId: 'mug',
        sku: 'MUG',
        quantity: 4,
        allocations: [{ location: 'berlin', quantity: 4 }],
        expiresAt: new Date(h.clock.now().getTime() + TTL).toISOString(),
      },
    ]);
    expect(started.events.map((e) => e.type).sort()).toEqual(['CheckoutStarted', 'StockHeld']);
    // Another shopper sees 1 left: neither a 2-unit line nor its checkout gets the held units.
    await h.handlers.createCart({ cartId: 'h2', customerId: 'bob', currency: 'EUR' }, h.context());
    expect(
      await codeOf(h.handlers.addLine('h2', customer('bob'), { productId: 'mug', quantity: 2 }, h.context())),
    ).toBe('quantity_unavailable');
    expect(await codeOf(h.handlers.startCheckout('h1', customer('bob'), h.context()))).toBe('cart_not_found');

    const placed = await h.handlers.checkOutCart('h1', customer('ada'), {}, h.context());
    const stockEvents = placed.events.filter((e) => e.type.startsWith('Stock'));
    // One event: the reservation, which took the hold over.
    expect(stockEvents).toMatchObject([
      { type: 'StockReserved', data: { orderId: 'h1', convertedHold: { cartId: 'h1', quantity: 4 } } },
    ]);
    expect(await stock('MUG')).toMatchObject({ onHand: 5, reserved: 4, held: 0 });
  });

  it('reserves where the cart holds, even when stock moved so that the strategy would now pick another location', async () => {
    await cart('bag-cart', 'wes', [['bag', 2]]);
    const started = await h.handlers.startCheckout('bag-cart', customer('wes'), h.context());
    expect(started.holds[0]!.allocations).toEqual([{ location: 'berlin', quantity: 2 }]);
    // Hamburg now has the most: allocated afresh, the order would ship from there.
    await h.handlers.receiveStock(
      { sku: 'BAG', location: 'hamburg', quantity: 50, reference: null },
      h.context(),
    );
    const placed = await h.handlers.checkOutCart('bag-cart', customer('wes'), {}, h.context());
    expect(placed.events.filter((e) => e.type.startsWith('Stock'))).toMatchObject([
      {
        type: 'StockReserved',
        data: { location: 'berlin', quantity: 2, convertedHold: { cartId: 'bag-cart' } },
      },
    ]);
    expect(await stock('BAG', 'hamburg')).toMatchObject({ onHand: 50, reserved: 0, held: 0 });
  });

  it('starting again keeps a running hold and its expiry', async () => {
    await cart('a1', 'cat', [['hat', 2]]);
    const first = await h.handlers.startCheckout('a1', customer('cat'), h.context());
    h.clock.advance(60_000);
    const again = await h.handlers.startCheckout('a1', customer('cat'), h.context());
    expect(again.holds).toEqual(first.holds);
    expect(again.events).toEqual([]);
  });

  it('a line change releases that line’s hold only, in the same append', async () => {
    await cart('c1', 'dan', [
      ['pen', 2],
      ['hat', 1],
    ]);
    await h.handlers.startCheckout('c1', customer('dan'), h.context());
    const changed = await h.handlers.changeQuantity(
      'c1',
      customer('dan'),
      { productId: 'pen', quantity: 3 },
      h.context(),
    );
    expect(changed.events.map((e) => e.type)).toContain('CartLineQuantityChanged');
    expect(cartHoldOf(await stock('PEN'), 'c1')).toBeUndefined();
    expect(cartHoldOf(await stock('HAT'), 'c1')?.quantity).toBe(1);
    const cartNow = await h.handlers.cartFor('c1', customer('dan'));
    expect(Object.keys(cartNow.holds ?? {})).toEqual(['hat']);
  });

  it('caps a cart and a customer', async () => {
    await cart('p1', 'eve', [['hat', 5]]);
    expect(await codeOf(h.handlers.startCheckout('p1', customer('eve'), h.context()))).toBe(
      'hold_limit_exceeded',
    );
    await cart('p2', 'fay', [['hat', 3]]);
    await cart('p3', 'fay', [['hat', 3]]);
    await h.handlers.startCheckout('p2', customer('fay'), h.context());
    expect(await codeOf(h.handlers.startCheckout('p3', customer('fay'), h.context()))).toBe(
      'hold_limit_exceeded',
    );
    // Without a hold, the cart still checks out, reserving as an order does.
    expect(await codeOf(h.handlers.checkOutCart('p3', customer('fay'), {}, h.context()))).toBeNull();
  });

  it('releases an abandoned cart’s holds: a guest cart merged into the customer’s, in the merge’s append', async () => {
    const { secret } = await h.handlers.createCart(
      { cartId: 'g1', customerId: null, currency: 'EUR' },
      h.context(),
    );
    const guest = { customerId: null, secret };
    await h.handlers.addLine('g1', guest, { productId: 'pen', quantity: 2 }, h.context());
    await h.handlers.startCheckout('g1', guest, h.context());
    expect(cartHoldOf(await stock('PEN'), 'g1')?.quantity).toBe(2);
    await cart('m1', 'ivy', []);
    await h.handlers.claimCart('g1', { customerId: 'ivy', secret: secret!, mergeInto: 'm1' }, h.context());
    expect(cartHoldOf(await stock('PEN'), 'g1')).toBeUndefined();
    const last = (await h.store.readStream(stockStream('PEN', 'berlin'))).at(-1);
    expect(last).toMatchObject({ type: 'StockHoldReleased', data: { cartId: 'g1', reason: 'abandoned' } });
  });

  it('a merge counts the guest’s held units as the customer’s to take, and ends the holds of both carts’ merged lines', async () => {
    const { secret } = await h.handlers.createCart(
      { cartId: 'g2', customerId: null, currency: 'EUR' },
      h.context(),
    );
    const guest = { customerId: null, secret };
    await h.handlers.addLine('g2', guest, { productId: 'jar', quantity: 2 }, h.context());
    await h.handlers.addLine('g2', guest, { productId: 'pen', quantity: 2 }, h.context());
    await h.handlers.startCheckout('g2', guest, h.context());
    await cart('m2', 'lea', [['pen', 1]]);
    await h.handlers.startCheckout('m2', customer('lea'), h.context());
    // The guest holds every jar there is: none is available to anyone else.
    expect(await stock('JAR')).toMatchObject({ onHand: 2, held: 2 });

    await h.handlers.claimCart('g2', { customerId: 'lea', secret: secret!, mergeInto: 'm2' }, h.context());
    const merged = await h.handlers.cartFor('m2', customer('lea'));
    expect(Object.values(merged.lines).map((l) => [l.productId, l.quantity])).toEqual([
      ['pen', 3],
      ['jar', 2],
    ]);
    // The pen line changed: its hold ends with the guest's, both on PEN's stream in one append.
    expect(merged.holds ?? {}).toEqual({});
    expect(await stock('JAR')).toMatchObject({ held: 0 });
    expect(await stock('PEN')).toMatchObject({ held: 0 });
    const releases = (await h.store.readStream(stockStream('PEN', 'berlin'))).slice(-2);
    expect(releases.map((e) => [e.type, e.data.cartId, e.data.reason])).toEqual([
      ['StockHoldReleased', 'g2', 'abandoned'],
      ['StockHoldReleased', 'm2', 'line_changed'],
    ]);
    expect(new Set(releases.map((e) => e.position.commit)).size).toBe(1);
  });

  it('caps a customer’s holds of a SKU over all locations, not per location', async () => {
    await h.handlers.receiveStock(
      { sku: 'LID', location: 'hamburg', quantity: 3, reference: null },
      h.context(),
    );
    await cart('k1', 'kim', [['lid', 3]]);
    await cart('k2', 'kim', [['lid', 3]]);
    await cart('k3', 'kim', [['lid', 2]]);
    await h.handlers.startCheckout('k1', customer('kim'), h.context());
    // The other location has 3 free and held none for kim; 3 + 3 is past kim's 5 all the same.
    const refused = await h.handlers
      .startCheckout('k2', customer('kim'), h.context())
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'hold_limit_exceeded',
      details: { sku: 'LID', location: '*', limit: 'customer', max: 5, held: 3, requested: 3 },
    });
    const held = async () =>
      (await Promise.all(['berlin', 'hamburg'].map((at) => stock('LID', at)))).map(
        (s) => s.status === 'tracked' && s.held,
      );
    expect((await held()).sort()).toEqual([0, 3]);
    // Up to the cap is fine, wherever the units are.
    await h.handlers.startCheckout('k3', customer('kim'), h.context());
    expect((await held()).sort()).toEqual([2, 3]);
    // Another customer is not counted against kim.
    await cart('k4', 'lou', [['lid', 1]]);
    expect(await codeOf(h.handlers.startCheckout('k4', customer('lou'), h.context()))).toBeNull();
  });

  it('expires holds by a scheduler derived from the events, and lists an expired hold whose stock is gone', async () => {
    const scheduler = createHoldExpiryScheduler({
      store: h.store,
      clock: h.clock,
      ids: uuidV7Ids,
      lease: soleInstanceLease,
      expire: (hold, ctx) => h.handlers.expireHold(hold, ctx),
      intervalMs: 3_600_000, // fired only when the test asks
    });
    await scheduler.start();
    try {
      await cart('e1', 'gus', [['cap', 3]]);
      await h.handlers.startCheckout('e1', customer('gus'), h.context());
      expect(await scheduler.runDue()).toEqual([]);
      h.clock.advance(TTL);
      // Every hold of the earlier tests is due by now too: all are released.
      await expect
        .poll(
          async () => {
            await scheduler.runDue();
            return (await Promise.all(['CAP', 'HAT', 'PEN'].map((sku) => stock(sku)))).map(
              (s) => s.status === 'tracked' && s.held,
            );
          },
          { timeout: 5000 },
        )
        .toEqual([0, 0, 0]);
      expect(await stock('CAP')).toMatchObject({ held: 0, reserved: 0 });
      // Someone else takes the units; the expired hold is one of the changes checkout answers.
      await cart('e2', 'hal', [['cap', 2]]);
      await h.handlers.checkOutCart('e2', customer('hal'), {}, h.context());
      const error = await h.handlers
        .checkOutCart('e1', customer('gus'), {}, h.context())
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'cart_changed' });
      const changes = (error as { details: { changes: { what: string }[] } }).details.changes;
      expect(changes.map((c) => c.what)).toEqual(['hold_expired', 'quantity_unavailable']);
    } finally {
      await scheduler.stop();
    }
  });

  it('releases an abandoned cart’s holds when its reminder goes out', async () => {
    await cart('r9', 'joe', [['pen', 1]]);
    await h.handlers.setEmail(
      'r9',
      customer('joe'),
      { email: 'joe@example.com', marketingConsent: true, source: 'checkout' },
      h.context(),
    );
    await h.handlers.startCheckout('r9', customer('joe'), h.context());
    expect(cartHoldOf(await stock('PEN'), 'r9')?.quantity).toBe(1);
    h.clock.advance(60 * 60_000);
    await remindAbandonedCart(
      { runtime: commandRuntime(h.store), mail: sqlMailQueue(h.sql) },
      'r9',
      h.context(),
    );
    const last = (await h.store.readStream(stockStream('PEN', 'berlin'))).at(-1);
    expect(last).toMatchObject({ type: 'StockHoldReleased', data: { cartId: 'r9', reason: 'abandoned' } });
  });
});
