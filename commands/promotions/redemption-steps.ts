import { PromotionNotFound, promotionDecider, type PromotionState } from '../../domain/promotions/index.ts';
import { InvalidTransition } from '../../domain/errors.ts';
import type { AppliedDiscount } from '../../domain/pricing/price-breakdown.ts';
import {
  redemptionDecider,
  type RedeemPromotion,
  type RedemptionReleaseReason,
  type RedemptionScope,
} from '../../domain/redemptions/index.ts';
import {
  codeRedemptionStream,
  customerRedemptionStream,
  promotionRedemptionStream,
  promotionStream,
} from '../../domain/streams.ts';
import { asStepDecider, type Step, type StepPlan } from '../runtime/steps.ts';

/** What a redemption needs to know of the order being placed. */
export type RedeemingOrder = {
  orderId: string;
  customerId: string | null;
  currency: string;
  lines: readonly { sku: string; quantity: number }[];
};

type Load = Parameters<StepPlan>[0];

/**
 * The redemption steps of an order's applied discounts, for order placement to add to its plan
 * before the order's own step: with an atomic multi-stream append they land with the order or not
 * at all, so a limit is exact whatever the concurrency; without one they are appended first and
 * undone (`not_placed`) when the order's append fails.
 *
 * Per discount: the promotion's stream `redemption-{id}` (always: it is also the record of what the
 * promotion cost; its total limit, if any), the code's `couponuse-{CODE}` (a single-use code: 1; a
 * shared code: its per-code limit) and the customer's `redemption-{id}@{customer}` (per-customer
 * limit). A limit reached refuses the placement with `usage_limit_reached` (409), naming the limit.
 *
 * The promotion is read in the plan, so the limits are those in force when the order is decided; a
 * promotion paused or ended since the cart was priced refuses the placement.
 */
export async function redemptionSteps(
  load: Load,
  order: RedeemingOrder,
  discounts: readonly AppliedDiscount[],
): Promise<Step[]> {
  const steps = await Promise.all(discounts.map((discount) => stepsFor(load, order, discount)));
  return steps.flat();
}

async function stepsFor(load: Load, order: RedeemingOrder, discount: AppliedDiscount): Promise<Step[]> {
  const { promotionId, code } = discount;
  const promotion = await load<PromotionState>(promotionStream(promotionId), asStepDecider(promotionDecider));
  if (promotion.status === 'absent') throw new PromotionNotFound(promotionId);
  if (promotion.status !== 'active')
    throw new InvalidTransition({
      aggregate: 'promotion',
      id: promotionId,
      from: promotion.status,
      command: 'RedeemPromotion',
    });
  const { limits, codes } = promotion.definition;
  const units = limits.counts === 'orders' ? 1 : discountedUnits(order, discount);
  const redeem = (scope: RedemptionScope, stream: string, limit: number | null, unitsTaken = units): Step => {
    const command: RedeemPromotion = {
      type: 'RedeemPromotion',
      data: {
        scope,
        key: stream,
        promotionId,
        promotionVersion: discount.promotionVersion,
        orderId: order.orderId,
        customerId: order.customerId,
        code,
        units: unitsTaken,
        amount: discount.amount.amount,
        currency: order.currency,
        limit,
      },
    };
    return {
      stream,
      decider: asStepDecider(redemptionDecider),
      command,
      compensate: () => release(scope, stream, order.orderId, 'not_placed'),
    };
  };
  const steps = [redeem('promotion', promotionRedemptionStream(promotionId), limits.total)];
  if (code !== null && codes.mode === 'unique') steps.push(redeem('code', codeRedemptionStream(code), 1, 1));
  else if (code !== null && limits.perCode !== null)
    steps.push(redeem('code', codeRedemptionStream(code), limits.perCode));
  if (order.customerId !== null && limits.perCustomer !== null)
    steps.push(
      redeem('customer', customerRedemptionStream(promotionId, order.customerId), limits.perCustomer),
    );
  return steps;
}

/** Units of the order's lines the discount touched (at least 1: an order-level discount is one use). */
function discountedUnits(order: RedeemingOrder, discount: AppliedDiscount): number {
  const skus = new Set(discount.lineAmounts.filter((l) => l.amount.amount > 0).map((l) => l.sku));
  const units = order.lines.reduce((n, line) => n + (skus.has(line.sku) ? line.quantity : 0), 0);
  return Math.max(1, units);
}

const release = (scope: RedemptionScope, key: string, orderId: string, reason: RedemptionReleaseReason) => ({
  type: 'ReleaseRedemption' as const,
  data: { scope, key, orderId, reason },
});

/** The streams an order's redemption of one discount may hold, to give them back. */
export function redemptionStreams(
  order: { customerId: string | null },
  discount: { promotionId: string; code: string | null },
): { scope: RedemptionScope; stream: string }[] {
  return [
    { scope: 'promotion', stream: promotionRedemptionStream(discount.promotionId) },
    ...(discount.code !== null
      ? [{ scope: 'code' as const, stream: codeRedemptionStream(discount.code) }]
      : []),
    ...(order.customerId !== null
      ? [
          {
            scope: 'customer' as const,
            stream: customerRedemptionStream(discount.promotionId, order.customerId),
          },
        ]
      : []),
  ];
}

/** Steps that give an order's redemptions back; streams it never redeemed on decide nothing. */
export function releaseSteps(
  order: { orderId: string; customerId: string | null },
  discounts: readonly { promotionId: string; code: string | null }[],
  reason: RedemptionReleaseReason,
): Step[] {
  return discounts.flatMap((discount) =>
    redemptionStreams(order, discount).map(({ scope, stream }) => ({
      stream,
      decider: asStepDecider(redemptionDecider),
      command: release(scope, stream, order.orderId, reason),
    })),
  );
}
