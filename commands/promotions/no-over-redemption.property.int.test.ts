import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pricedTotals } from '../../domain/orders/index.ts';
import { UsageLimitReached } from '../../domain/promotions/index.ts';
import { redemptionDecider, type RedemptionEvent } from '../../domain/redemptions/index.ts';
import { orderStream, promotionRedemptionStream } from '../../domain/streams.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';

const RUNS = propertyRuns(8);
const CUSTOMERS = 4;

type Op =
  | { kind: 'place'; customer: number; quantity: number }
  /** `twice`: a request and an expiry racing for the same order: its use must come back once. */
  | { kind: 'cancel'; order: number; twice: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      customer: fc.nat(CUSTOMERS - 1),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(40), twice: fc.boolean() }),
  },
);

type Gate = { promise: Promise<void>; resolve(): void };
const gate = (): Gate => {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/**
 * No over-redemption through the real order flow on PostgreSQL: random concurrent placements with a
 * limited shared code (a coupon counting orders, or a flash sale counting units), cancellations and
 * expiries of those orders, some of them racing each other. At every point of the promotion's
 * redemption stream the uses held stay within the limit; every discounted order has exactly one
 * redemption and every order placed without the discount none; every cancelled discounted order
 * gave its use back exactly once; and what is held at the end is what the open orders hold.
 */
describe('no over-redemption across concurrent orders, cancellations and expiries (PostgreSQL)', () => {
  let h: CommandHarness;

  beforeAll(async () => {
    h = await commandHarness('postgres', { promotions: {} });
    const admin = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', admin);
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      admin,
    );
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 100_000, reference: null },
      admin,
    );
  });
  afterAll(() => h.dispose());

  it(`holds a coupon's and a flash sale's limit exactly, and counts each give-back once (${RUNS} runs)`, async () => {
    let run = 0;
    /** Over all runs, so the property is known to have met what it is about. */
    const seen = { discounted: 0, refused: 0, givenBack: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.record({ total: fc.integer({ min: 1, max: 6 }), perCustomer: fc.integer({ min: 1, max: 3 }) }),
        fc.constantFrom('orders' as const, 'units' as const),
        fc.array(op, { minLength: 8, maxLength: 30 }),
        async (limits, counts, ops) => {
          run++;
          const promotionId = `limited${run}`;
          const code = `LIMITED${run}`;
          await activePromotion(
            h.handlers,
            h.context(),
            promotionId,
            definition(
              // A coupon off the order, or a flash sale's discounted units.
              counts === 'orders'
                ? { kind: 'order_percent', basisPoints: 2000 }
                : { kind: 'items_percent', basisPoints: 5000 },
              { codes: { mode: 'shared', code }, limits: { counts, ...limits, perCode: null } },
            ),
          );
          /** Orders placed, with whether they carry the discount. */
          const placed: { orderId: string; discounted: boolean }[] = [];
          /** One gate per placement: a cancellation waits for its order, racing everything else. */
          const gates = new Map<number, Gate>();
          ops.forEach((o, i) => o.kind === 'place' && gates.set(i, gate()));
          const placeIndexes = [...gates.keys()];
          const outcomes = await Promise.allSettled(
            ops.map(async (o, i) => {
              if (o.kind === 'place') {
                const orderId = `${promotionId}-o${i}`;
                try {
                  const result = await h.handlers.placeOrder(
                    {
                      orderId,
                      customerId: `c${o.customer}`,
                      currency: 'EUR',
                      lines: [{ productId: 'p-mug', quantity: o.quantity }],
                      shippingAddress: berlinAddress,
                      couponCodes: [code.toLowerCase()],
                    },
                    h.context({ id: `c${o.customer}`, role: 'customer' }),
                  );
                  const discounts = pricedTotals(result.order.totals).discounts;
                  placed.push({ orderId, discounted: discounts.some((d) => d.promotionId === promotionId) });
                } finally {
                  gates.get(i)!.resolve();
                }
                return;
              }
              const index = placeIndexes[o.order % Math.max(1, placeIndexes.length)];
              if (index === undefined) return;
              await gates.get(index)!.promise;
              const orderId = `${promotionId}-o${index}`;
              if (!placed.some((p) => p.orderId === orderId)) return; // refused: nothing to cancel
              const cancel = (reason: 'requested' | 'expired') =>
                h.handlers.cancelOrder(
                  { orderId, reason, note: null },
                  h.context({
                    id: reason === 'expired' ? 'expiry-scheduler' : 'admin-1',
                    role: reason === 'expired' ? 'system' : 'admin',
                  }),
                );
              // A second cancellation of a cancelled order is refused; what matters is the stream.
              await Promise.allSettled([cancel('requested'), ...(o.twice ? [cancel('expired')] : [])]);
            }),
          );

          // A placement fails only with the limit as its reason (409): a flash-sale order asking
          // for more discounted units than are left. It appends nothing (checked below: no order
          // stream, no redemption).
          for (const outcome of outcomes)
            if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(UsageLimitReached);
          const refusedOrders = ops.flatMap((o, i) =>
            o.kind === 'place' && !placed.some((p) => p.orderId === `${promotionId}-o${i}`)
              ? [`${promotionId}-o${i}`]
              : [],
          );
          for (const orderId of refusedOrders)
            expect(await h.store.readStream(orderStream(orderId)), orderId).toEqual([]);
          const events = (await h.store.readStream(promotionRedemptionStream(promotionId))).map(
            (e) => ({ type: e.type, data: e.data }) as RedemptionEvent,
          );
          let state = redemptionDecider.initialState();
          const redeemedBy = new Map<string, number>();
          const releasedBy = new Map<string, number>();
          for (const event of events) {
            state = redemptionDecider.evolve(state, event);
            expect(state.used).toBeLessThanOrEqual(limits.total);
            expect(state.used).toBeGreaterThanOrEqual(0);
            const tally = event.type === 'PromotionRedeemed' ? redeemedBy : releasedBy;
            tally.set(event.data.orderId, (tally.get(event.data.orderId) ?? 0) + 1);
          }
          let held = 0;
          for (const orderId of refusedOrders) expect(redeemedBy.has(orderId), orderId).toBe(false);
          for (const { orderId, discounted } of placed) {
            expect(redeemedBy.get(orderId) ?? 0, orderId).toBe(discounted ? 1 : 0);
            const cancelled = (await h.store.readStream(orderStream(orderId))).some(
              (e) => e.type === 'OrderCancelled',
            );
            expect(releasedBy.get(orderId) ?? 0, orderId).toBe(discounted && cancelled ? 1 : 0);
            if (discounted) seen.discounted++;
            else seen.refused++;
            if (discounted && cancelled) seen.givenBack++;
            if (discounted && !cancelled) {
              const redeemed = events.find(
                (e) => e.type === 'PromotionRedeemed' && e.data.orderId === orderId,
              )!;
              held += redeemed.data.units;
            }
          }
          expect(state.used).toBe(held);
        },
      ),
      { numRuns: RUNS },
    );
    expect(seen.discounted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.givenBack).toBeGreaterThan(0);
  });
});
