import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cart, definition, line } from '../../domain/testing/promotion-fixtures.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';
import { runCommand } from '../runtime/run-command.ts';
import { discountStage, promotionExplainer, type DiscountStageDeps } from './discount-stage.ts';
import { redemptionSteps } from './redemption-steps.ts';

describe('the discount stage over the event store', () => {
  let h: CommandHarness;
  let deps: DiscountStageDeps;

  beforeAll(async () => {
    h = await commandHarness('pglite');
    deps = { runtime: commandRuntime(h.store), automaticPromotionIds: async () => ['auto10', 'gone'] };
    await activePromotion(
      h.handlers,
      h.context(),
      'auto10',
      definition({ kind: 'items_percent', basisPoints: 1000 }),
    );
    await activePromotion(
      h.handlers,
      h.context(),
      'summer',
      definition(
        { kind: 'order_fixed', amount: 500 },
        {
          codes: { mode: 'shared', code: 'SUMMER20' },
          limits: { counts: 'orders', total: null, perCustomer: 1, perCode: null },
        },
      ),
    );
  });
  afterAll(() => h.dispose());

  const request = (codes: string[]) => cart([line('MUG', 1000, 2)], { couponCodes: codes });

  it('applies automatic promotions and the ones whose code was entered, in any case', async () => {
    const applied = await discountStage(deps)(request([' summer20']), { amount: 2000, currency: 'EUR' });
    expect(applied.map((d) => [d.promotionId, d.code, d.amount.amount])).toEqual([
      ['auto10', null, 200],
      ['summer', 'SUMMER20', 500],
    ]);
  });

  it('explains an unknown code, and a paused promotion', async () => {
    await h.handlers.pausePromotion('auto10', h.context());
    const explained = await promotionExplainer(deps).explain(request(['NOPE-CODE']));
    expect(explained.unknownCodes).toEqual(['NOPE-CODE']);
    expect(explained.notApplied).toMatchObject([{ promotionId: 'auto10', reason: 'not_active' }]);
    await h.handlers.activatePromotion('auto10', h.context());
  });

  it('previews a per-customer limit once it is used up', async () => {
    const stage = discountStage(deps);
    const [, summer] = await stage(request(['SUMMER20']), { amount: 2000, currency: 'EUR' });
    await runCommand(
      deps.runtime,
      {
        keys: ['promotion:summer'],
        contention: 'hot',
        plan: (load) =>
          redemptionSteps(
            load,
            { orderId: 'o1', customerId: 'c1', currency: 'EUR', lines: [{ sku: 'MUG', quantity: 2 }] },
            [summer!],
          ),
      },
      h.context(),
    );
    const explained = await promotionExplainer(deps).explain(request(['SUMMER20']));
    expect(explained.notApplied).toMatchObject([{ promotionId: 'summer', reason: 'limit_reached' }]);
  });

  it('prepared before the request is known, answers as it would then; another request is read afresh', async () => {
    const explainer = promotionExplainer(deps);
    // Read now, for customer c2 with the code: c2 has not used it.
    const prepared = explainer.prepare(['SUMMER20'], 'c2');
    const forC2 = cart([line('MUG', 1000, 2)], {
      couponCodes: ['SUMMER20'],
      customer: { customerId: 'c2', groups: [], firstOrder: false },
    });
    expect(await prepared(forC2)).toEqual(await explainer.explain(forC2));
    expect((await prepared(forC2)).applied.map((d) => d.promotionId)).toEqual(['auto10', 'summer']);
    // c1 used the code up (the test before): a request for c1 is not answered from c2's reads.
    const forC1 = await prepared(request(['SUMMER20']));
    expect(forC1.notApplied).toMatchObject([{ promotionId: 'summer', reason: 'limit_reached' }]);
  });
});
