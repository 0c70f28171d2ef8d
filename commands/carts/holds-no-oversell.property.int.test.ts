import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { holdsByOrder, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import * as pmap from '../../domain/persistent-map.ts';
import { stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';
import type { CartAccess } from './cart-access.ts';
import { createHoldExpiryScheduler } from './hold-expiry-scheduler.ts';

const SKUS = 3;
const TTL = 10 * 60_000;
const RUNS = propertyRuns(15);

/** What a shopper does next with its cart. `expire`: time passes beyond the TTL and the scheduler runs. */
type Step = 'start' | 'change' | 'checkout' | 'expire';

/**
 * Concurrent carts starting checkout, changing a line, letting time run out and checking out, over
 * a few SKUs with little stock, on real PostgreSQL (a controllable clock; the hold-expiry scheduler
 * fired when time passes). At every event of every stock stream, reserved plus held never exceeds
 * on hand; afterwards, once every hold is due, the scheduler has released every one of them, and
 * what is reserved is exactly what the placed orders hold.
 */
describe('checkout holds never oversell, and every expired hold is released (property, PostgreSQL)', () => {
  let h: CommandHarness;
  let run = 0;
  let scheduler: ReturnType<typeof createHoldExpiryScheduler>;

  beforeAll(async () => {
    h = await commandHarness('postgres', {
      settings: { checkoutHolds: { ttlMs: TTL, maxPerCart: 3, maxPerCustomer: 4 } },
    });
    await h.handlers.createLocation('berlin', 'Berlin', h.context());
    scheduler = createHoldExpiryScheduler({
      store: h.store,
      clock: h.clock,
      ids: uuidV7Ids,
      lease: soleInstanceLease,
      expire: (hold, ctx) => h.handlers.expireHold(hold, ctx),
      intervalMs: 3_600_000, // fired when the test lets time pass
    });
    await scheduler.start();
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.dispose();
  });

  const fold = async (sku: string): Promise<StockState> =>
    (await h.store.readStream(stockStream(sku, 'berlin'))).reduce(
      (state, event) => stockDecider.evolve(state, event as never),
      stockDecider.initialState(),
    );
  /** The carts whose hold here is due by `now`. */
  const overdue = (state: StockState, now: number): string[] =>
    state.status === 'tracked'
      ? pmap
          .entries(state.cartHolds)
          .filter(([, hold]) => Date.parse(hold.expiresAt) <= now)
          .map(([cartId]) => cartId)
      : [];

  /** Fires what is due until every hold due by now is gone from `skus` (the scheduler follows the log). */
  async function expireDue(skus: string[]): Promise<void> {
    const now = h.clock.now().getTime();
    await expect
      .poll(
        async () => {
          await scheduler.runDue();
          const states = await Promise.all(skus.map(fold));
          return states.flatMap((state) => overdue(state, now));
        },
        { timeout: 10_000, interval: 50 },
      )
      .toEqual([]);
  }

  it(`holds over ${RUNS} random interleavings`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: SKUS, maxLength: SKUS }),
        fc.array(
          fc.record({
            guest: fc.boolean(),
            lines: fc.uniqueArray(
              fc.record({ sku: fc.nat(SKUS - 1), quantity: fc.integer({ min: 1, max: 3 }) }),
              { minLength: 1, maxLength: SKUS, selector: (line) => line.sku },
            ),
            steps: fc.array(fc.constantFrom<Step>('start', 'change', 'checkout', 'expire'), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
          { minLength: 2, maxLength: 6 },
        ),
        // The random histories run their carts at once; the example below, in turn.
        fc.constant<'at once' | 'in turn'>('at once'),
        async (stock, carts, order) => {
          run++;
          const sku = (index: number) => `H${run}S${index}`;
          const productId = (index: number) => `h${run}p${index}`;
          const skus = Array.from({ length: SKUS }, (_, s) => sku(s));
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
          const opened: { cartId: string; access: CartAccess; lines: (typeof carts)[number]['lines'] }[] = [];
          for (const [index, cart] of carts.entries()) {
            const cartId = `h${run}c${index}`;
            // Two carts share each customer, so the per-customer cap is in play.
            const customerId = cart.guest ? null : `h${run}cust${index % 2}`;
            const { secret } = await h.handlers.createCart({ cartId, customerId, currency: 'EUR' }, admin);
            const access = { customerId, secret };
            for (const line of cart.lines) {
              await h.handlers
                .addLine(cartId, access, { productId: productId(line.sku), quantity: line.quantity }, admin)
                .catch(refused);
            }
            await h.handlers.setShippingAddress(cartId, access, berlinAddress, admin);
            opened.push({ cartId, access, lines: cart.lines });
          }
          const placed = new Map<string, { sku: string; quantity: number }[]>();
          const shop = async ({ cartId, access, lines }: (typeof opened)[number], index: number) => {
            const ctx = () => h.context({ id: access.customerId ?? 'guest', role: 'customer' });
            for (const step of carts[index]!.steps) {
              if (placed.has(cartId)) return;
              if (step === 'start') await h.handlers.startCheckout(cartId, access, ctx()).catch(refused);
              if (step === 'change' && lines[0]) {
                const quantity = lines[0].quantity === 1 ? 2 : 1;
                await h.handlers
                  .changeQuantity(cartId, access, { productId: productId(lines[0].sku), quantity }, ctx())
                  .catch(refused);
              }
              if (step === 'checkout') {
                const order = await h.handlers.checkOutCart(cartId, access, {}, ctx()).catch(refused);
                if (order) placed.set(cartId, order.order.lines);
              }
              if (step === 'expire') {
                h.clock.advance(TTL + 1000);
                await expireDue(skus);
              }
            }
          };
          if (order === 'in turn') for (const [index, cart] of opened.entries()) await shop(cart, index);
          else await Promise.all(opened.map(shop));

          // Every hold ends by now: time passes past every expiry, and the scheduler releases them all.
          h.clock.advance(TTL + 1000);
          await expireDue(skus);
          const reservedBySku = new Map<string, number>();
          for (const lines of placed.values())
            for (const line of lines)
              reservedBySku.set(line.sku, (reservedBySku.get(line.sku) ?? 0) + line.quantity);
          for (let s = 0; s < SKUS; s++) {
            const events = await h.store.readStream(stockStream(sku(s), 'berlin'));
            let state: StockState = stockDecider.initialState();
            const open = new Map<string, number>();
            for (const event of events) {
              state = stockDecider.evolve(state, event as never);
              if (state.status !== 'tracked') continue;
              expect(state.reserved + state.held, `${sku(s)} after ${event.type}`).toBeLessThanOrEqual(
                state.onHand,
              );
              // Each hold is released once: never a release without its hold, never two holds at once.
              const cartId = (event.data as { cartId?: string }).cartId;
              if (event.type === 'StockHeld') {
                expect(open.has(cartId!)).toBe(false);
                open.set(cartId!, 1);
              }
              if (event.type === 'StockHoldReleased') {
                seen.add(`released:${(event.data as { reason: string }).reason}`);
                expect(open.has(cartId!)).toBe(true);
                open.delete(cartId!);
              }
              // A checkout's reservation ends the hold it took over, in the same event.
              const converted = (event.data as { convertedHold?: { cartId: string } }).convertedHold;
              if (event.type === 'StockReserved' && converted) {
                seen.add('released:converted');
                expect(open.has(converted.cartId)).toBe(true);
                open.delete(converted.cartId);
              }
            }
            expect(open.size, `${sku(s)}: holds never released`).toBe(0);
            expect(state.status === 'tracked' ? state.held : 0).toBe(0);
            const reserved = Object.values(holdsByOrder(state)).reduce((n, hold) => n + hold.reserved, 0);
            expect(reserved).toBe(reservedBySku.get(sku(s)) ?? 0);
          }
        },
      ),
      {
        numRuns: RUNS,
        // One history known to end holds every way, ahead of the random ones: a guest's hold
        // converted at checkout, and a customer's released by a line change, then one expired.
        // In turn: at once, the customer's expiry could come first (its clock is every cart's) and
        // end the guest's hold before its checkout converts it, as it once did in CI.
        examples: [
          [
            Array<number>(SKUS).fill(5),
            [
              { guest: true, lines: [{ sku: 0, quantity: 1 }], steps: ['start', 'checkout'] },
              {
                guest: false,
                lines: [{ sku: 1, quantity: 1 }],
                steps: ['start', 'change', 'start', 'expire'],
              },
            ],
            'in turn',
          ],
        ],
      },
    );
    // Guards the generator: the runs reached every way a hold ends but abandonment (its own test).
    expect([...seen].sort()).toEqual(['released:converted', 'released:expired', 'released:line_changed']);
  });
});

/** A shopper's refusal (stock gone, a cap, a changed cart) is an answer, not a failure. */
function refused(error: unknown): null {
  if (!isDomainError(error)) throw error;
  return null;
}
