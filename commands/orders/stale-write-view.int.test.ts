import { productInput } from '../../test-support/product-input.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../infra/event-store/conformance/fixtures.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';

/**
 * Two write sides over one event store, as with `docker compose up --scale api=2`: each keeps its
 * own cache of the states it decided on, which the other's appends leave behind. A command that
 * such a cache would refuse must be decided again on what the store holds.
 */
describe('a write side whose cached view is behind the store (PostgreSQL)', () => {
  let a: CommandHarness;
  let b: CommandHarness;

  const place = (h: CommandHarness, productId: string, orderId: string, quantity: number) =>
    h.handlers.placeOrder(
      {
        orderId,
        customerId: 'c1',
        currency: 'EUR',
        lines: [{ productId, quantity }],
        shippingAddress: berlinAddress,
      },
      h.context(),
    );
  const cancel = (h: CommandHarness, orderId: string) =>
    h.handlers.cancelOrder({ orderId, reason: 'requested', note: null }, h.context());

  /** A product with 10 in stock at berlin, created through `a`. */
  async function product(productId: string): Promise<void> {
    const ctx = a.context();
    await a.handlers.createProduct(productInput(productId), ctx);
    await a.handlers.receiveStock(
      { sku: `SKU-${productId}`, location: 'berlin', quantity: 10, reference: null },
      ctx,
    );
  }

  beforeAll(async () => {
    a = await commandHarness('postgres');
    // The second write side shares the database (the first one drops it at the end).
    b = await commandHarness('postgres', { database: { client: a.sql, dispose: async () => {} } });
    await a.handlers.createLocation('berlin', 'Berlin', a.context());
    // b follows the locations live: berlin reaches it once its event comes round.
    await eventually(
      async () => b.locations.list(),
      (list) => list.includes('berlin'),
    );
  });
  afterAll(async () => {
    await b.dispose(); // stops its follower; the database is a's
    await a.dispose();
  });

  it('cancels an order the other write side placed after this one cached its stock', async () => {
    await product('p1');
    await place(b, 'p1', 'o-b1', 1); // b caches the stock stream now
    await place(a, 'p1', 'o-a1', 2); // b's cached stock does not know this hold
    await expect(cancel(b, 'o-a1')).resolves.toMatchObject({ events: [{ type: 'OrderCancelled' }] });
  });

  it('places an order on stock the other write side released after this one cached it', async () => {
    await product('p2');
    await place(a, 'p2', 'o-a2', 10);
    await expect(place(b, 'p2', 'o-b2', 1)).rejects.toMatchObject({ code: 'stock_shortage' });
    await cancel(a, 'o-a2'); // 10 free again, which b's cache does not know
    await expect(place(b, 'p2', 'o-b3', 5)).resolves.toMatchObject({ order: { orderId: 'o-b3' } });
  });
});
