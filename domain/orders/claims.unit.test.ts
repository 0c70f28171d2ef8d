import { describe, expect, it } from 'vitest';
import { AlreadyExists, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { berlinShipment, captured, historyFor, orderPlaced, refunded } from '../testing/order-fixtures.ts';
import { ClaimExceedsShipped, ClaimNotOpen, RefundExceedsCaptured } from './errors.ts';
import { orderDecider, type OpenClaim, type OrderEvent, type ResolveClaim } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const claim = (
  quantity = 1,
  reason: 'damaged' | 'missing' | 'wrong' = 'damaged',
  claimId = 'cl1',
): OpenClaim => ({
  type: 'OpenClaim',
  data: { orderId: 'o1', claimId, lineId: 'l1', quantity, reason },
});
const opened = (quantity = 1, reason: 'damaged' | 'missing' | 'wrong' = 'damaged'): OrderEvent => ({
  type: 'ClaimOpened',
  data: { orderId: 'o1', claimId: 'cl1', lineId: 'l1', sku: 'MUG', quantity, reason },
});
const replace: ResolveClaim = {
  type: 'ResolveClaim',
  data: {
    orderId: 'o1',
    claimId: 'cl1',
    resolution: 'replacement',
    lineId: 'X1',
    allocations: [{ location: 'berlin', quantity: 1 }],
  },
};
const refund: ResolveClaim = {
  type: 'ResolveClaim',
  data: { orderId: 'o1', claimId: 'cl1', resolution: 'refund', refundId: 're_1' },
};

describe('OpenClaim', () => {
  it('records damaged units of a delivered line', () => {
    const state = given([...historyFor.delivered])
      .when(claim())
      .then([opened()]);
    expect(state).toMatchObject({
      status: 'delivered',
      claims: [{ claimId: 'cl1', lineId: 'l1', quantity: 1, reason: 'damaged', status: 'open' }],
    });
  });

  it('takes a claim on a partially shipped order, for what shipped', () => {
    given([orderPlaced, captured, berlinShipment])
      .when(claim(2, 'missing'))
      .then([opened(2, 'missing')]);
  });

  it('refuses more units than shipped and not claimed yet', () => {
    given([...historyFor.delivered])
      .when(claim(3))
      .thenThrows(ClaimExceedsShipped, { shipped: 2, alreadyClaimed: 0, requested: 3 });
    given([...historyFor.delivered, opened()])
      .when(claim(2, 'wrong', 'cl2'))
      .thenThrows(ClaimExceedsShipped, { alreadyClaimed: 1 });
  });

  it('refuses the same claim twice, a reason off the list, and before anything shipped', () => {
    given([...historyFor.delivered, opened()])
      .when(claim())
      .thenThrows(AlreadyExists, { aggregate: 'claim', id: 'cl1' });
    given([...historyFor.delivered])
      .when({ ...claim(), data: { ...claim().data, reason: 'late' as 'damaged' } })
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([...historyFor.paid])
      .when(claim())
      .thenThrows(InvalidTransition, { from: 'paid', command: 'OpenClaim' });
  });
});

describe('ResolveClaim', () => {
  it('with a replacement: the same SKU again at no charge, a new line to ship', () => {
    const state = given([...historyFor.delivered, opened()])
      .when(replace)
      .then([
        {
          type: 'ClaimResolved',
          data: {
            orderId: 'o1',
            claimId: 'cl1',
            resolution: 'replacement',
            replacement: {
              lineId: 'X1',
              sku: 'MUG',
              quantity: 1,
              unitPrice: eur(0),
              lineTotal: eur(0),
              allocations: [{ location: 'berlin', quantity: 1 }],
            },
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'partially_shipped',
      totals: { total: eur(5000) },
      claims: [{ status: 'replaced' }],
    });
  });

  it('with a refund: the units’ share of their line, and the order’s refund in the same decision', () => {
    const state = given([...historyFor.delivered, opened()])
      .when(refund)
      .then([
        {
          type: 'ClaimResolved',
          data: { orderId: 'o1', claimId: 'cl1', resolution: 'refund', amount: eur(1000) },
        },
        {
          type: 'RefundIssued',
          data: { orderId: 'o1', refundId: 're_1', amount: eur(1000), reason: 'claim cl1: damaged' },
        },
      ]);
    expect(state).toMatchObject({
      status: 'delivered',
      payment: { refunded: 1000 },
      claims: [{ status: 'refunded' }],
    });
  });

  it('refuses a refund above what is left to refund', () => {
    given([...historyFor.delivered, opened(), refunded('r0', 4500)])
      .when(refund)
      .thenThrows(RefundExceedsCaptured, { captured: 5000, alreadyRefunded: 4500, requested: 1000 });
  });

  it('refuses an unknown claim and one resolved already', () => {
    given([...historyFor.delivered])
      .when(refund)
      .thenThrows(ClaimNotOpen, { status: 'unknown' });
    given([
      ...historyFor.delivered,
      opened(),
      {
        type: 'ClaimResolved',
        data: { orderId: 'o1', claimId: 'cl1', resolution: 'refund', amount: eur(1000) },
      },
    ])
      .when(replace)
      .thenThrows(ClaimNotOpen, { status: 'refunded' });
  });
});
