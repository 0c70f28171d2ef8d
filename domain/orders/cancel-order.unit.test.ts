import { describe, expect, it } from 'vitest';
import { CannotExpire } from './errors.ts';
import { ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { authorized, cancelled, captured, failed, orderPlaced } from '../testing/order-fixtures.ts';
import { orderDecider, releaseReasonFor, type CancellationReason } from './index.ts';

const given = specFor(orderDecider);
const cancel = (reason: CancellationReason, now = '2025-01-01T00:20:00Z', note: string | null = null) =>
  ({ type: 'CancelOrder', data: { orderId: 'o1', reason, note, now } }) as const;
const cancelledFor = (reason: CancellationReason, note: string | null = null) => ({
  ...cancelled,
  data: { ...cancelled.data, reason, note },
});

describe('CancelOrder', () => {
  it('cancels on request, listing every reservation to release', () => {
    const state = given([orderPlaced]).when(cancel('requested')).then([cancelled]);
    expect(state).toMatchObject({ status: 'cancelled', cancellation: { reason: 'requested', note: null } });
  });

  it('cancels a paid order before shipment, keeping the payment for the refund', () => {
    const state = given([orderPlaced, captured])
      .when(cancel('requested', undefined, 'changed my mind'))
      .then([cancelledFor('requested', 'changed my mind')]);
    expect(state).toMatchObject({ payment: { captured: 5000 } });
  });

  it('cancels after a payment failure', () => {
    given([orderPlaced, failed])
      .when(cancel('payment_failed'))
      .then([cancelledFor('payment_failed')]);
  });

  it('expires an unpaid order once it is due', () => {
    given([orderPlaced])
      .when(cancel('expired', '2025-01-01T00:15:00Z'))
      .then([cancelledFor('expired')]);
    given([orderPlaced, failed])
      .when(cancel('expired'))
      .then([cancelledFor('expired')]);
  });

  it('refuses to expire an order before it is due', () => {
    given([orderPlaced])
      .when(cancel('expired', '2025-01-01T00:14:59.999Z'))
      .thenThrows(CannotExpire, { aggregate: 'order', id: 'o1', why: 'not_yet_due' });
  });

  it('refuses to expire an order whose payment was authorized or captured', () => {
    given([orderPlaced, authorized])
      .when(cancel('expired'))
      .thenThrows(CannotExpire, { why: 'payment_received' });
    given([orderPlaced, captured])
      .when(cancel('expired'))
      .thenThrows(CannotExpire, { why: 'payment_received' });
  });

  it('refuses a malformed cancellation', () => {
    given([orderPlaced])
      .when(cancel('bored' as never))
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([orderPlaced]).when(cancel('requested', 'now')).thenThrows(ValidationFailed, { field: 'now' });
    given([orderPlaced])
      .when(cancel('requested', undefined, 'x'.repeat(501)))
      .thenThrows(ValidationFailed, { field: 'note' });
  });
});

describe('releaseReasonFor', () => {
  it('maps a cancellation reason to the stock release reason', () => {
    expect(releaseReasonFor('requested')).toBe('cancelled');
    expect(releaseReasonFor('expired')).toBe('expired');
    expect(releaseReasonFor('payment_failed')).toBe('payment_failed');
  });
});
