import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/runtime/run-command.ts';
import { redemptionSteps } from '../../commands/promotions/redemption-steps.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';
import { promotionsProjection, promotionsTag } from './projection.ts';
import {
  activePromotions,
  automaticPromotionIds,
  getPromotion,
  listPromotions,
  lookupCode,
  redemptionsPerDay,
} from './queries.ts';

/** Events written by the real handlers, then projected in one batch or one event at a time. */
describe('promotions read model', () => {
  let h: CommandHarness;
  let database: SpecDatabase;
  let events: RecordedEvent[];

  beforeAll(async () => {
    h = await commandHarness('pglite');
    database = await openSpecDatabase('pglite');
    const admin = h.context();
    const flash = definition(
      { kind: 'items_percent', basisPoints: 3000 },
      {
        name: 'Flash',
        rules: { startsAt: '2026-11-21T09:00:00Z', endsAt: '2026-11-22T09:00:00Z', categories: ['mugs'] },
        limits: { counts: 'units', total: 10, perCustomer: null, perCode: null },
      },
    );
    await activePromotion(h.handlers, admin, 'flash', flash);
    await h.handlers.editPromotion({ promotionId: 'flash', definition: { ...flash, priority: 5 } }, admin);
    await activePromotion(
      h.handlers,
      admin,
      'summer',
      definition({ kind: 'order_fixed', amount: 500 }, { codes: { mode: 'shared', code: 'summer20' } }),
    );
    await h.handlers.createPromotion(
      { promotionId: 'draft', definition: definition({ kind: 'free_shipping' }) },
      admin,
    );
    const runtime = commandRuntime(h.store);
    const redeem = (orderId: string, promotionId: string, code: string | null, quantity: number) =>
      runCommand(
        runtime,
        {
          keys: [promotionId],
          contention: 'hot',
          plan: (load) =>
            redemptionSteps(
              load,
              { orderId, customerId: 'c1', currency: 'EUR', lines: [{ sku: 'MUG', quantity }] },
              [
                {
                  promotionId,
                  promotionVersion: 2,
                  code,
                  label: 'x',
                  amount: { amount: 300 * quantity, currency: 'EUR' },
                  lineAmounts: [{ sku: 'MUG', amount: { amount: 300 * quantity, currency: 'EUR' } }],
                  freeShipping: false,
                },
              ],
            ),
        },
        h.context(),
      );
    await redeem('o1', 'flash', null, 3);
    await redeem('o2', 'flash', null, 4);
    await redeem('o3', 'summer', 'SUMMER20', 1);
    await h.handlers.releaseRedemptions(
      {
        orderId: 'o2',
        customerId: 'c1',
        discounts: [{ promotionId: 'flash', code: null }],
        reason: 'cancelled',
      },
      admin,
    );
    events = await h.store.readAll({ maxCount: 1000 });
  });
  afterAll(async () => {
    await h.dispose();
    await database.dispose();
  });

  it.each([
    ['one batch', undefined],
    ['one event per batch', 1],
  ])('answers the staff figures, the code lookup and the storefront (%s)', async (_name, batchSize) => {
    const spec = await database.spec(promotionsProjection());
    expect(await spec.given(events, batchSize ? { batchSize } : {})).toContain(promotionsTag);
    const [flash, draft, summer] = await spec.read((db) => listPromotions(db, { limit: 10 }));
    expect(flash).toMatchObject({
      promotionId: 'flash',
      status: 'active',
      version: 2,
      priority: 5,
      redemptions: 1,
      unitsRedeemed: 3,
      left: 7,
      discountCost: 900,
      released: 1,
    });
    expect(summer).toMatchObject({
      promotionId: 'summer',
      sharedCode: 'SUMMER20',
      redemptions: 1,
      discountCost: 300,
      left: null,
    });
    expect(draft).toMatchObject({ promotionId: 'draft', status: 'draft' });
    expect(await spec.read((db) => getPromotion(db, 'flash'))).toMatchObject({ definition: { priority: 5 } });
    expect(await spec.read((db) => lookupCode(db, 'SUMMER20'))).toMatchObject({
      promotionId: 'summer',
      singleUse: false,
      uses: 1,
    });
    expect(await spec.read((db) => redemptionsPerDay(db, 'summer'))).toEqual([
      { day: '2026-11-21', code: 'SUMMER20', redemptions: 1, discountCost: 300 },
    ]);
    expect(await spec.read((db) => automaticPromotionIds(db))).toEqual(['flash']);
    const during = await spec.read((db) =>
      activePromotions(db, {
        at: '2026-11-21T10:00:00Z',
        product: { productId: 'p-MUG', category: 'mugs', brand: 'acme' },
      }),
    );
    expect(during.map((p) => [p.promotionId, p.left])).toEqual([
      ['flash', 7],
      ['summer', null],
    ]);
    // Its window opened at 09:00, but it was activated at 10:00: the reduction began then.
    expect(during[0]?.reducedSince).toBe('2026-11-21T10:00:00.000Z');
    const after = await spec.read((db) => activePromotions(db, { at: '2026-11-22T09:00:00Z' }));
    expect(after.map((p) => p.promotionId)).toEqual(['summer']);
    const plates = await spec.read((db) =>
      activePromotions(db, {
        at: '2026-11-21T10:00:00Z',
        product: { productId: 'p-PLATE', category: 'plates', brand: 'acme' },
      }),
    );
    expect(plates.map((p) => p.promotionId)).toEqual(['summer']);
  });
});
