import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { cartStream, orderStream, stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';

const SKUS = 2;
const RUNS = propertyRuns(30);

/**
 * Concurrent carts checking out the last units of a few SKUs, on real PostgreSQL. Every cart was
 * filled while the stock was there; at checkout they race for it. Afterwards no stock stream was
 * ever below zero available, what is reserved is exactly what the checked-out carts' orders hold,
 * and a cart is checked out exactly when its order exists.
 */
describe('checkout never oversells (property, PostgreSQL)', () => {
  let h: CommandHarness;
  let run = 0;

  beforeAll(async () => {
    h = await commandHarness('postgres');
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
  });
  afterAll(() => h.dispose());

  it(`holds over ${RUNS} random races for the last units`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: SKUS, maxLength: SKUS }),
        fc.array(
          fc.record({
            guest: fc.boolean(),
            lines: fc.uniqueArray(
              fc.record({ sku: fc.nat(SKUS - 1), quantity: fc.integer({ min: 1, max: 3 }) }),
              {
                minLength: 1,
                maxLength: SKUS,
                selector: (line) => line.sku,
              },
            ),
          }),
          { minLength: 2, maxLength: 8 },
        ),
        async (stock, carts) => {
          run++;
          const sku = (index: number) => `K${run}S${index}`;
          const productId = (index: number) => `k${run}p${index}`;
          const admin = h.context();
          for (let s = 0; s < SKUS; s++) {
            await h.handlers.createProduct(
              {
                productId: productId(s),
                sku: sku(s),
                name: `Product ${s}`,
                description: '',
                brand: 'b',
                category: 'c',
                attributes: {},
                allowBackorder: false,
                price: { amount: 100 + s, currency: 'EUR' },
              },
              admin,
            );
            await h.handlers.receiveStock(
              { sku: sku(s), location: 'berlin', quantity: stock[s]!, reference: null },
              admin,
            );
          }
          // Fill every cart while the stock is there (a line more than the stock is refused, and left out).
          const opened = [];
          for (const [index, cart] of carts.entries()) {
            const cartId = `k${run}c${index}`;
            const customerId = cart.guest ? null : `k${run}cust${index}`;
            const { secret } = await h.handlers.createCart({ cartId, customerId, currency: 'EUR' }, admin);
            const access = { customerId, secret };
            for (const line of cart.lines) {
              await h.handlers
                .addLine(cartId, access, { productId: productId(line.sku), quantity: line.quantity }, admin)
                .catch((error: unknown) => {
                  if (!isDomainError(error)) throw error;
                });
            }
            await h.handlers.setShippingAddress(cartId, access, berlinAddress, admin);
            opened.push({ cartId, access });
          }
          const outcomes = await Promise.all(
            opened.map(({ cartId, access }) =>
              h.handlers
                .checkOutCart(
                  cartId,
                  access,
                  {},
                  h.context({ id: access.customerId ?? 'guest', role: 'customer' }),
                )
                .then(
                  (placed) => placed.order,
                  (error: unknown) => {
                    if (!isDomainError(error)) throw error;
                    return null;
                  },
                ),
            ),
          );

          const reservedBySku = new Map<string, number>();
          for (const [index, { cartId, access }] of opened.entries()) {
            const cart = await h.handlers.cartFor(cartId, access);
            const order = outcomes[index];
            const orderEvents = await h.store.readStream(orderStream(cartId));
            expect(cart.status === 'checked_out', cartId).toBe(order !== null);
            expect(orderEvents.length > 0, cartId).toBe(order !== null);
            for (const line of order?.lines ?? [])
              reservedBySku.set(line.sku, (reservedBySku.get(line.sku) ?? 0) + line.quantity);
            if (order === null)
              expect((await h.store.readStream(cartStream(cartId))).at(-1)?.type).not.toBe('CartCheckedOut');
          }
          for (let s = 0; s < SKUS; s++) {
            let state: StockState = stockDecider.initialState();
            for (const event of await h.store.readStream(stockStream(sku(s), 'berlin'))) {
              state = stockDecider.evolve(state, event as never);
              expect(available(state)).toBeGreaterThanOrEqual(0);
            }
            const reserved = state.status === 'tracked' ? state.reserved : 0;
            expect(reserved).toBe(reservedBySku.get(sku(s)) ?? 0);
            expect(reserved).toBeLessThanOrEqual(stock[s]!);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
