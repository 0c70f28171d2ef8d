import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../domain/decider.ts';
import type { AppliedDiscount } from '../../domain/pricing/price-breakdown.ts';
import { UsageLimitReached } from '../../domain/promotions/index.ts';
import { redemptionDecider, type RedemptionEvent } from '../../domain/redemptions/index.ts';
import { codeRedemptionStream, promotionRedemptionStream } from '../../domain/streams.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { propertyRuns } from '../../test-support/property-runs.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { runCommand } from '../runtime/run-command.ts';
import { redemptionSteps, type RedeemingOrder } from './redemption-steps.ts';

const RUNS = propertyRuns(15);

/**
 * Usage limits under concurrency on real PostgreSQL: redemptions are decided and appended the way
 * order placement appends them (hot contention, one atomic multi-stream append with the steps of
 * `redemptionSteps`), and a limit is never exceeded at any point of a redemption stream's history.
 */
describe('exact usage limits (PostgreSQL)', () => {
  let h: CommandHarness;
  let runtime: CommandRuntime;

  beforeAll(async () => {
    h = await commandHarness('postgres');
    runtime = commandRuntime(h.store);
  });
  afterAll(() => h.dispose());

  const discount = (promotionId: string, code: string | null, sku = 'MUG'): AppliedDiscount => ({
    promotionId,
    promotionVersion: 1,
    code,
    label: 'test',
    amount: { amount: 100, currency: 'EUR' },
    lineAmounts: [{ sku, amount: { amount: 100, currency: 'EUR' } }],
    freeShipping: false,
  });
  const redeem = (order: RedeemingOrder, applied: AppliedDiscount) =>
    runCommand(
      runtime,
      {
        keys: [`promotion:${applied.promotionId}`],
        contention: 'hot',
        plan: (load) => redemptionSteps(load, order, [applied]),
      },
      h.context({ id: order.customerId ?? 'guest', role: 'customer' }),
    );
  const order = (orderId: string, customerId: string, quantity = 1): RedeemingOrder => ({
    orderId,
    customerId,
    currency: 'EUR',
    lines: [{ sku: 'MUG', quantity }],
  });
  const history = async (stream: string) =>
    (await h.store.readStream(stream)).map((e) => ({ type: e.type, data: e.data }) as RedemptionEvent);

  it('100 concurrent checkouts against a code with 10 uses left: exactly 10 succeed, the rest are refused with the reason', async () => {
    await activePromotion(
      h.handlers,
      h.context(),
      'summer',
      definition(
        { kind: 'order_percent', basisPoints: 2000 },
        {
          codes: { mode: 'shared', code: 'SUMMER20' },
          limits: { counts: 'orders', total: null, perCustomer: null, perCode: 10 },
        },
      ),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => redeem(order(`o${i}`, `c${i}`), discount('summer', 'SUMMER20'))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(refusals).toHaveLength(90);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(UsageLimitReached);
      expect((refusal as UsageLimitReached).details).toMatchObject({
        limit: 'per_code',
        allowed: 10,
        used: 10,
      });
    }
    expect(replay(redemptionDecider, await history(codeRedemptionStream('SUMMER20'))).used).toBe(10);
    // The promotion's own stream records the same 10, for the cost reports.
    expect(replay(redemptionDecider, await history(promotionRedemptionStream('summer'))).used).toBe(10);
  });

  type Op = { kind: 'redeem'; customer: number; quantity: number } | { kind: 'release'; order: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('redeem' as const),
        customer: fc.nat(4),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), order: fc.nat(30) }) },
  );

  it(`never exceeds a total, per-customer or flash-sale limit, and counts a give-back once (${RUNS} runs)`, async () => {
    let run = 0;
    let givenBack = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ total: fc.integer({ min: 1, max: 12 }), perCustomer: fc.integer({ min: 1, max: 4 }) }),
        fc.constantFrom('orders' as const, 'units' as const),
        fc.array(op, { minLength: 10, maxLength: 40 }),
        async (limits, counts, ops) => {
          run++;
          const promotionId = `flash${run}`;
          await activePromotion(
            h.handlers,
            h.context(),
            promotionId,
            definition(
              { kind: 'items_percent', basisPoints: 5000 },
              { limits: { counts, ...limits, perCode: null } },
            ),
          );
          const placed: RedeemingOrder[] = [];
          // A release waits for the redemption it names (all ops start at once, so without this
          // every release would find nothing placed yet), then races every other op.
          const landed = new Map<number, Promise<unknown>>();
          const redeemIndexes = ops.flatMap((o, i) => (o.kind === 'redeem' ? [i] : []));
          const runs = ops.map((o, i) => {
            if (o.kind !== 'redeem') return null;
            const placing = order(`${promotionId}-o${i}`, `c${o.customer}`, o.quantity);
            const redeeming = redeem(placing, discount(promotionId, null)).then(() => placed.push(placing));
            landed.set(i, redeeming);
            return redeeming;
          });
          await Promise.allSettled(
            ops.map(async (o, i) => {
              if (o.kind === 'redeem') return runs[i];
              const index = redeemIndexes[o.order % Math.max(1, redeemIndexes.length)];
              if (index === undefined) return;
              await landed.get(index)!.catch(() => undefined);
              const target = placed.find((p) => p.orderId === `${promotionId}-o${index}`);
              if (!target) return; // refused at its limit: nothing to give back
              // Released twice on purpose for some: a give-back must count once.
              const release = () =>
                h.handlers.releaseRedemptions(
                  { ...target, discounts: [{ promotionId, code: null }], reason: 'cancelled' },
                  h.context(),
                );
              await Promise.all([release(), ...(o.order % 2 === 0 ? [release()] : [])]);
              givenBack++;
            }),
          );
          const events = await history(promotionRedemptionStream(promotionId));
          let state = redemptionDecider.initialState();
          const released = new Set<string>();
          for (const event of events) {
            state = redemptionDecider.evolve(state, event);
            expect(state.used).toBeLessThanOrEqual(limits.total);
            expect(state.used).toBeGreaterThanOrEqual(0);
            if (event.type === 'RedemptionReleased') {
              expect(released.has(event.data.orderId)).toBe(false);
              released.add(event.data.orderId);
            }
          }
          const redeemed = events.filter((e) => e.type === 'PromotionRedeemed');
          const units = (e: RedemptionEvent) => e.data.units;
          expect(state.used).toBe(
            redeemed.reduce((n, e) => n + units(e), 0) -
              events.filter((e) => e.type === 'RedemptionReleased').reduce((n, e) => n + units(e), 0),
          );
          // Per customer: the customer's own stream never went past its limit either.
          for (let c = 0; c <= 4; c++) {
            let mine = redemptionDecider.initialState();
            for (const event of await history(`redemption-${promotionId}@c${c}`)) {
              mine = redemptionDecider.evolve(mine, event);
              expect(mine.used).toBeLessThanOrEqual(limits.perCustomer);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(givenBack).toBeGreaterThan(0); // the give-backs were exercised, not skipped
  });
});
