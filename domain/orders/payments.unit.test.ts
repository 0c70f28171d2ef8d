import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors.ts';
import {
  AmountMismatch,
  CaptureExceedsAuthorized,
  PaymentWindowClosed,
  RefundExceedsCaptured,
} from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  authorized,
  captured,
  failed,
  historyFor,
  orderPlaced,
  platesCancelled,
  refunded,
} from '../testing/order-fixtures.ts';
import { replay } from '../decider.ts';
import { editPayment } from './edit-payment.ts';
import { orderDecider, type IssueRefund, type OrderEvent } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const authorize = (amount = 5000, currency = 'EUR') =>
  ({
    type: 'AuthorizePayment',
    data: { orderId: 'o1', paymentRef: 'pi_1', amount: { amount, currency } },
  }) as const;
const capture = (amount = 5000, currency = 'EUR') =>
  ({
    type: 'CapturePayment',
    data: { orderId: 'o1', paymentRef: 'pi_1', amount: { amount, currency } },
  }) as const;
const refund = (amount: number, refundId = 'r1', currency = 'EUR') =>
  ({
    type: 'IssueRefund',
    data: { orderId: 'o1', refundId, amount: { amount, currency }, reason: 'damaged' },
  }) as const;

describe('AuthorizePayment', () => {
  it('authorizes the order total', () => {
    const state = given([orderPlaced]).when(authorize()).then([authorized]);
    expect(state).toMatchObject({ status: 'authorized', payment: { paymentRef: 'pi_1', authorized: 5000 } });
  });

  it('may authorize again after a failure', () => {
    given([orderPlaced, failed]).when(authorize()).then([authorized]);
  });

  it('refuses an amount other than the order total', () => {
    given([orderPlaced])
      .when(authorize(4999))
      .thenThrows(AmountMismatch, { expected: 5000, actual: 4999, currency: 'EUR' });
  });

  it('refuses another currency', () => {
    given([orderPlaced])
      .when(authorize(5000, 'USD'))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
  });

  it('refuses a missing payment reference', () => {
    given([orderPlaced])
      .when({ type: 'AuthorizePayment', data: { orderId: 'o1', paymentRef: '', amount: eur(5000) } })
      .thenThrows(ValidationFailed, { field: 'paymentRef' });
  });
});

describe('CapturePayment', () => {
  it('captures an authorized payment', () => {
    const state = given([orderPlaced, authorized]).when(capture()).then([captured]);
    expect(state).toMatchObject({ status: 'paid', payment: { captured: 5000 } });
  });

  it('captures directly, as the manual provider and automatic capture do', () => {
    given([orderPlaced]).when(capture()).then([captured]);
    given([orderPlaced, failed]).when(capture()).then([captured]);
  });

  it('captures less than authorized', () => {
    given([orderPlaced, authorized])
      .when(capture(4000))
      .then([{ type: 'PaymentCaptured', data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(4000) } }]);
  });

  it('refuses more than authorized', () => {
    given([orderPlaced, authorized])
      .when(capture(5001))
      .thenThrows(CaptureExceedsAuthorized, { authorized: 5000, requested: 5001 });
  });

  it('refuses more than the total without an authorization', () => {
    given([orderPlaced]).when(capture(6000)).thenThrows(CaptureExceedsAuthorized, { authorized: 5000 });
  });

  it('refuses a zero capture', () => {
    given([orderPlaced, authorized])
      .when(capture(0))
      .thenThrows(ValidationFailed, { field: 'amount.amount' });
  });

  it('refuses another currency', () => {
    given([orderPlaced, authorized]).when(capture(5000, 'GBP')).thenThrows(CurrencyMismatch);
  });

  it('refuses a missing payment reference', () => {
    given([orderPlaced])
      .when({ type: 'CapturePayment', data: { orderId: 'o1', paymentRef: ' ', amount: eur(5000) } })
      .thenThrows(ValidationFailed, { field: 'paymentRef' });
  });
});

describe('RecordPaymentFailure', () => {
  const fail = (paymentRef: string | null, reason = 'card_declined') =>
    ({ type: 'RecordPaymentFailure', data: { orderId: 'o1', paymentRef, reason } }) as const;

  it('records a failure', () => {
    const state = given([orderPlaced]).when(fail('pi_1')).then([failed]);
    expect(state).toMatchObject({ status: 'payment_failed' });
  });

  it('records a failure after authorization and a repeated failure', () => {
    given([orderPlaced, authorized]).when(fail('pi_1')).then([failed]);
    given([orderPlaced, failed]).when(fail('pi_1')).then([failed]);
  });

  it('records a failure without a provider reference', () => {
    given([orderPlaced])
      .when(fail(null))
      .then([{ type: 'PaymentFailed', data: { orderId: 'o1', paymentRef: null, reason: 'card_declined' } }]);
  });

  it('refuses a failure without a reason', () => {
    given([orderPlaced]).when(fail('pi_1', '')).thenThrows(ValidationFailed, { field: 'reason' });
  });

  it('refuses a payment reference longer than 200 characters', () => {
    given([orderPlaced])
      .when(fail('x'.repeat(201)))
      .thenThrows(ValidationFailed, { field: 'paymentRef' });
  });
});

describe('IssueRefund', () => {
  it('refunds part of the captured amount', () => {
    const state = given([orderPlaced, captured])
      .when(refund(1500))
      .then([refunded('r1', 1500)]);
    expect(state).toMatchObject({
      status: 'paid',
      payment: { captured: 5000, refunded: 1500, refundIds: ['r1'] },
    });
  });

  it('refunds the rest in a second refund', () => {
    given([orderPlaced, captured, refunded('r1', 1500)])
      .when(refund(3500, 'r2'))
      .then([refunded('r2', 3500)]);
  });

  it('refunds a cancelled order that was paid, and a delivered one', () => {
    given([orderPlaced, captured, historyFor.cancelled[1]])
      .when(refund(5000))
      .then([refunded('r1', 5000)]);
    given([...historyFor.delivered])
      .when(refund(5000))
      .then([refunded('r1', 5000)]);
  });

  it('refuses more than captured minus already refunded', () => {
    given([orderPlaced, captured, refunded('r1', 1500)])
      .when(refund(3501, 'r2'))
      .thenThrows(RefundExceedsCaptured, {
        captured: 5000,
        alreadyRefunded: 1500,
        requested: 3501,
        currency: 'EUR',
      });
  });

  it('refuses a refund when nothing was captured', () => {
    given([...historyFor.cancelled])
      .when(refund(1))
      .thenThrows(RefundExceedsCaptured, { captured: 0, alreadyRefunded: 0, requested: 1 });
  });

  describe('a refund an edit or a cancellation decided, due until issued', () => {
    const cancelled = platesCancelled;
    const dueRefund = (amount: number, refundId = 'r1'): IssueRefund => ({
      type: 'IssueRefund',
      data: { ...refund(amount, refundId).data, cause: { kind: 'cancel', revision: 2 } },
    });

    const issued: OrderEvent = {
      type: 'RefundIssued',
      data: { ...refunded('r1', 1600).data, cause: { kind: 'cancel', revision: 2 } },
    };

    it('is issued under its cause, and is then no longer due', () => {
      const state = given([orderPlaced, captured, cancelled]).when(dueRefund(1600)).then([issued]);
      expect(state).toMatchObject({ payment: { captured: 5000, refunded: 1600, refundsDue: 0 } });
    });

    it('is spoken for: another refund may take only what is left beside it', () => {
      given([orderPlaced, captured, cancelled])
        .when(refund(3401))
        .thenThrows(RefundExceedsCaptured, { captured: 5000, alreadyRefunded: 0, refundsDue: 1600 });
      given([orderPlaced, captured, cancelled])
        .when(refund(3400))
        .then([refunded('r1', 3400)]);
    });

    it('counts as gone for an edit that raises the order before it is issued', () => {
      // Found by the after-sale property: the raise owed nothing, the due refund then went out too.
      const state = replay(orderDecider, [orderPlaced, captured, cancelled]);
      if (state.status === 'none') throw new Error('no order');
      expect(editPayment(state, eur(5000))).toEqual({ kind: 'extra_payment', amount: eur(1600) });
    });

    it('is never issued twice, nor for more than is due', () => {
      given([orderPlaced, captured, cancelled])
        .when(dueRefund(1601))
        .thenThrows(RefundExceedsCaptured, { requested: 1601, refundsDue: 1600 });
      given([orderPlaced, captured, cancelled, issued])
        .when(dueRefund(1600, 'r2'))
        .thenThrows(RefundExceedsCaptured, { requested: 1600 });
    });
  });

  it('refuses to reuse a refund id', () => {
    given([orderPlaced, captured, refunded('r1', 100)])
      .when(refund(100))
      .thenThrows(AlreadyExists, { aggregate: 'refund', id: 'r1' });
  });

  it('refuses a zero, negative or foreign-currency refund', () => {
    given([orderPlaced, captured]).when(refund(0)).thenThrows(ValidationFailed, { field: 'amount.amount' });
    given([orderPlaced, captured]).when(refund(-5)).thenThrows(ValidationFailed, { field: 'amount.amount' });
    given([orderPlaced, captured])
      .when(refund(5, 'r1', 'USD'))
      .thenThrows(CurrencyMismatch);
  });

  it('refuses a refund without a reason or id', () => {
    given([orderPlaced, captured])
      .when({ type: 'IssueRefund', data: { orderId: 'o1', refundId: 'r1', amount: eur(5), reason: '' } })
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([orderPlaced, captured]).when(refund(5, '')).thenThrows(ValidationFailed, { field: 'refundId' });
  });
});

/** Order o1 (Stripe, total 5000) holds its stock until 2025-01-01T00:15:00Z. */
describe('StartPaymentAttempt', () => {
  const attempt = (amount = 5000, now = '2025-01-01T00:10:00Z', paymentRef = 'pi_2') =>
    ({ type: 'StartPaymentAttempt', data: { orderId: 'o1', paymentRef, amount: eur(amount), now } }) as const;

  it('opens a new attempt after a failure: the order awaits payment again, by it', () => {
    const state = given([orderPlaced, failed])
      .when(attempt())
      .then([
        { type: 'PaymentAttemptStarted', data: { orderId: 'o1', paymentRef: 'pi_2', amount: eur(5000) } },
      ]);
    expect(state).toMatchObject({ status: 'placed', payment: { paymentRef: 'pi_2' } });
    // The new attempt is paid (its webhook authorizes it), or fails in turn and may be retried again.
    given([orderPlaced, failed, ...orderDecider.decide(attempt(), replayState([orderPlaced, failed]))])
      .when(authorize())
      .then([{ type: 'PaymentAuthorized', data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(5000) } }]);
  });

  it('refuses once the stock is no longer held', () => {
    given([orderPlaced, failed])
      .when(attempt(5000, '2025-01-01T00:15:00Z'))
      .thenThrows(PaymentWindowClosed, { orderId: 'o1', expiresAt: '2025-01-01T00:15:00Z' });
  });

  it('refuses another amount than the order’s total', () => {
    given([orderPlaced, failed])
      .when(attempt(4000))
      .thenThrows(AmountMismatch, { expected: 5000, actual: 4000 });
  });

  it('refuses unless the last payment failed', () => {
    given([orderPlaced]).when(attempt()).thenThrows(InvalidTransition, { from: 'placed' });
    given([orderPlaced, authorized]).when(attempt()).thenThrows(InvalidTransition, { from: 'authorized' });
  });
});

function replayState(history: Parameters<typeof orderDecider.evolve>[1][]) {
  return history.reduce(orderDecider.evolve, orderDecider.initialState());
}
