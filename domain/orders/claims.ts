import { AlreadyExists } from '../errors.ts';
import type { Money } from '../money.ts';
import { requireKey, requireOneOf, requirePositiveInt } from '../validation.ts';
import type { OpenClaim, ResolveClaim } from './commands.ts';
import { ClaimExceedsShipped, ClaimNotOpen } from './errors.ts';
import { claimReasons, type OrderEvent } from './events.ts';
import { issueRefund } from './payments.ts';
import { orderLine } from './place-order.ts';
import { claimsOf, shippedQuantity, type Claim, type ExistingOrder, type OrderData } from './state.ts';
import { ValidationFailed } from '../errors.ts';

/** A claim on shipped units: at most what shipped and was not claimed yet, with a reason from the list. */
export function openClaim({ data }: OpenClaim, order: ExistingOrder): OrderEvent[] {
  const { orderId, claimId, lineId, quantity } = data;
  requireKey('claimId', claimId);
  const reason = requireOneOf('reason', data.reason, claimReasons);
  if (claimsOf(order).some((c) => c.claimId === claimId))
    throw new AlreadyExists({ aggregate: 'claim', id: claimId });
  const line = order.lines.find((l) => l.lineId === lineId);
  if (!line) throw new ValidationFailed('lineId', 'is not a line of this order');
  requirePositiveInt('quantity', quantity);
  const shipped = shippedQuantity(order, lineId);
  const alreadyClaimed = claimsOf(order)
    .filter((c) => c.lineId === lineId)
    .reduce((total, c) => total + c.quantity, 0);
  if (quantity > shipped - alreadyClaimed)
    throw new ClaimExceedsShipped({ lineId, shipped, alreadyClaimed, requested: quantity });
  return [{ type: 'ClaimOpened', data: { orderId, claimId, lineId, sku: line.sku, quantity, reason } }];
}

/** What a refund of a claim gives back: the claimed units' share of their line's total. */
export function claimRefund(order: OrderData, claimId: string): Money {
  const claim = claimsOf(order).find((c) => c.claimId === claimId);
  const line = claim && order.lines.find((l) => l.lineId === claim.lineId);
  if (!claim || !line) return { amount: 0, currency: order.currency };
  return {
    amount: Math.floor((line.lineTotal.amount * claim.quantity) / line.quantity),
    currency: order.currency,
  };
}

/**
 * Resolves an open claim: a replacement line of the same SKU at no charge (its units reserved with
 * it), or the refund of the claimed units with the order's `RefundIssued` (refused above what is
 * refundable, like any refund).
 */
export function resolveClaim({ data }: ResolveClaim, order: ExistingOrder): OrderEvent[] {
  const { orderId, claimId } = data;
  const claim = openClaimOf(order, claimId);
  if (data.resolution === 'replacement') {
    const line = order.lines.find((l) => l.lineId === claim.lineId)!;
    if (order.lines.some((l) => l.lineId === data.lineId))
      throw new AlreadyExists({ aggregate: 'line', id: data.lineId });
    const replacement = orderLine(
      'replacement',
      {
        lineId: data.lineId,
        sku: line.sku,
        quantity: claim.quantity,
        unitPrice: { amount: 0, currency: order.currency },
        allocations: data.allocations,
      },
      order.currency,
    );
    return [{ type: 'ClaimResolved', data: { orderId, claimId, resolution: 'replacement', replacement } }];
  }
  if (data.resolution !== 'refund') throw new ValidationFailed('resolution', 'must be replacement or refund');
  const amount = claimRefund(order, claimId);
  const refund = issueRefund(
    {
      type: 'IssueRefund',
      data: { orderId, refundId: data.refundId, amount, reason: `claim ${claimId}: ${claim.reason}` },
    },
    order,
  );
  return [{ type: 'ClaimResolved', data: { orderId, claimId, resolution: 'refund', amount } }, ...refund];
}

function openClaimOf(order: ExistingOrder, claimId: string): Claim {
  requireKey('claimId', claimId);
  const claim = claimsOf(order).find((c) => c.claimId === claimId);
  if (!claim || claim.status !== 'open')
    throw new ClaimNotOpen({ orderId: order.orderId, claimId, status: claim?.status ?? 'unknown' });
  return claim;
}
