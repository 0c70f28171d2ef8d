/**
 * The promotions part of the mixed workload: promotions created (shared, unique and automatic),
 * activated, edited, paused, expired and archived; codes generated; redemptions appended the way
 * order placement appends them (`redemptionSteps`, hot contention) and given back.
 */
import type { CommandHandlers } from '../commands/command-handlers.ts';
import type { CommandContext } from '../commands/runtime/command-context.ts';
import type { CommandRuntime } from '../commands/runtime/command-runtime.ts';
import { runCommand } from '../commands/runtime/run-command.ts';
import { redemptionSteps } from '../commands/promotions/redemption-steps.ts';
import type { PromotionAction, PromotionDefinition } from '../domain/promotions/index.ts';

type Rng = {
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  anyOf<T>(list: readonly T[]): T | undefined;
  chance(p: number): boolean;
};
type Attempt = <T>(kind: string, run: () => Promise<T>) => Promise<T | undefined>;
type Actor = { id: string; role: 'customer' | 'staff' | 'admin' | 'system' };

const actions: PromotionAction[] = [
  { kind: 'order_percent', basisPoints: 1000 },
  { kind: 'order_fixed', amount: 500 },
  { kind: 'items_percent', basisPoints: 2000 },
  { kind: 'buy_x_get_y', buy: 2, get: 1, basisPoints: 10_000, pick: 'cheapest' },
  { kind: 'free_shipping' },
];

export function promotionWorkload(deps: {
  handlers: CommandHandlers;
  runtime: CommandRuntime;
  rng: Rng;
  ns: string;
  attempt: Attempt;
  ctx: (actor: Actor) => CommandContext;
  skus: readonly string[];
}) {
  const { handlers, runtime, rng, ns, attempt, ctx } = deps;
  const admin: Actor = { id: 'admin-1', role: 'admin' };
  const codePrefix = ns.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const made: { promotionId: string; code: string | null; unique: boolean }[] = [];
  const redeemed: { orderId: string; customerId: string; promotionId: string; code: string | null }[] = [];
  let next = 0;

  const definition = (n: number, mode: PromotionDefinition['codes']): PromotionDefinition => ({
    name: `Promotion ${n}`,
    rules: {
      minSubtotal: null,
      minQuantity: null,
      productIds: [],
      categories: [],
      brands: [],
      customerGroups: [],
      firstOrderOnly: false,
      startsAt: null,
      endsAt: null,
      channels: [],
      currency: 'EUR',
    },
    action: rng.pick(actions),
    stacking: rng.pick(['exclusive', 'combinable'] as const),
    priority: rng.int(5),
    codes: mode,
    limits: {
      counts: rng.pick(['orders', 'units'] as const),
      total: rng.pick([null, 3, 8]),
      perCustomer: rng.pick([null, 1, 2]),
      perCode: rng.pick([null, 4]),
    },
  });

  return {
    async promote() {
      const existing = rng.anyOf(made);
      if (!existing || made.length < 3 || rng.chance(0.2)) {
        const n = ++next;
        const promotionId = `${ns}promo${n}`;
        const kind = n % 3;
        const code = kind === 0 ? `${codePrefix}SAVE${n}` : null;
        const mode: PromotionDefinition['codes'] =
          kind === 0
            ? { mode: 'shared', code: code! }
            : kind === 1
              ? { mode: 'unique' }
              : { mode: 'automatic' };
        const created = await attempt('createPromotion', () =>
          handlers.createPromotion({ promotionId, definition: definition(n, mode) }, ctx(admin)),
        );
        if (created) made.push({ promotionId, code, unique: kind === 1 });
        return;
      }
      const { promotionId } = existing;
      const n = Number(promotionId.slice(`${ns}promo`.length));
      switch (rng.pick(['activate', 'activate', 'activate', 'pause', 'edit', 'expire', 'archive'] as const)) {
        case 'activate':
          return attempt('activatePromotion', () => handlers.activatePromotion(promotionId, ctx(admin)));
        case 'pause':
          return attempt('pausePromotion', () => handlers.pausePromotion(promotionId, ctx(admin)));
        case 'edit': {
          const mode: PromotionDefinition['codes'] = existing.code
            ? { mode: 'shared', code: existing.code }
            : existing.unique
              ? { mode: 'unique' }
              : { mode: 'automatic' };
          return attempt('editPromotion', () =>
            handlers.editPromotion({ promotionId, definition: definition(n, mode) }, ctx(admin)),
          );
        }
        case 'expire':
          return attempt('expirePromotion', () =>
            handlers.expirePromotion({ promotionId, reason: 'ended_by_staff' }, ctx(admin)),
          );
        case 'archive':
          return attempt('archivePromotion', () => handlers.archivePromotion(promotionId, ctx(admin)));
      }
    },
    async codes() {
      const unique = rng.anyOf(made.filter((p) => p.unique));
      if (!unique) return;
      const generated = await attempt('generateCodes', () =>
        handlers.generateCodes(
          { promotionId: unique.promotionId, generationId: `${ns}g${++next}`, count: 1 + rng.int(4) },
          ctx(admin),
        ),
      );
      if (generated?.codes[0]) made.push({ ...unique, code: generated.codes[0] });
    },
    async redeem() {
      if (redeemed.length > 0 && rng.chance(0.3)) {
        const back = rng.pick(redeemed);
        await attempt('releaseRedemptions', () =>
          handlers.releaseRedemptions(
            {
              orderId: back.orderId,
              customerId: back.customerId,
              discounts: [back],
              reason: rng.pick(['cancelled', 'expired'] as const),
            },
            ctx({ id: 'system', role: 'system' }),
          ),
        );
        return;
      }
      const promotion = rng.anyOf(made);
      if (!promotion) return;
      const orderId = `${ns}po${++next}`;
      const customerId = `${ns}c${1 + rng.int(5)}`;
      const sku = rng.pick(deps.skus);
      const done = await attempt('redeemPromotion', () =>
        runCommand(
          runtime,
          {
            keys: [`promotion:${promotion.promotionId}`],
            contention: 'hot',
            plan: (load) =>
              redemptionSteps(
                load,
                { orderId, customerId, currency: 'EUR', lines: [{ sku, quantity: 1 + rng.int(3) }] },
                [
                  {
                    promotionId: promotion.promotionId,
                    promotionVersion: 1,
                    code: promotion.code,
                    label: 'workload',
                    amount: { amount: 100 + rng.int(900), currency: 'EUR' },
                    lineAmounts: [{ sku, amount: { amount: 100, currency: 'EUR' } }],
                    freeShipping: false,
                  },
                ],
              ),
          },
          ctx({ id: customerId, role: 'customer' }),
        ),
      );
      if (done)
        redeemed.push({ orderId, customerId, promotionId: promotion.promotionId, code: promotion.code });
    },
  };
}
