import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { cancelled, captured, historyFor, orderPlaced, refunded } from '../testing/order-fixtures.ts';
import {
  DisputeClosedAlready,
  DisputeExceedsCaptured,
  DisputeNotFound,
  RefundExceedsCaptured,
} from './errors.ts';
import { disputedFunds, orderDecider, type OrderEvent } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const open = (amount = 5000, disputeId = 'dp_1') =>
  ({
    type: 'OpenDispute',
    data: {
      orderId: 'o1',
      disputeId,
      paymentRef: 'pi_1',
      amount: eur(amount),
      reason: 'fraudulent',
      dueBy: '2025-01-20T00:00:00Z',
    },
  }) as const;
const withdraw = (amount = 5000, disputeId = 'dp_1') =>
  ({ type: 'WithdrawDisputeFunds', data: { orderId: 'o1', disputeId, amount: eur(amount) } }) as const;
const close = (outcome: 'won' | 'lost', disputeId = 'dp_1') =>
  ({ type: 'CloseDispute', data: { orderId: 'o1', disputeId, outcome, amount: eur(5000) } }) as const;

const opened: OrderEvent = { type: 'DisputeOpened', data: open().data };
const withdrawn: OrderEvent = { type: 'DisputeFundsWithdrawn', data: withdraw().data };
const closed = (outcome: 'won' | 'lost'): OrderEvent => ({
  type: 'DisputeClosed',
  data: close(outcome).data,
});

describe('OpenDispute', () => {
  it('records a chargeback on a delivered order with its amount, reason and due date', () => {
    const state = given([...historyFor.delivered])
      .when(open())
      .then([opened]);
    expect(state).toMatchObject({
      status: 'delivered',
      disputes: [{ disputeId: 'dp_1', amount: 5000, withdrawn: 0, status: 'open' }],
    });
  });

  it('records one on a cancelled order whose payment was captured', () => {
    const state = given([orderPlaced, captured, cancelled]).when(open()).then([opened]);
    expect(state).toMatchObject({ status: 'cancelled', disputes: [{ disputeId: 'dp_1', status: 'open' }] });
  });

  it('takes a dispute without a due date', () => {
    const command = { ...open(), data: { ...open().data, dueBy: null } };
    given([...historyFor.paid])
      .when(command)
      .then([{ type: 'DisputeOpened', data: command.data }]);
  });

  it('refuses the same dispute twice', () => {
    given([...historyFor.paid, opened])
      .when(open())
      .thenThrows(AlreadyExists, { aggregate: 'dispute', id: 'dp_1' });
  });

  it('refuses more than was captured', () => {
    given([...historyFor.paid])
      .when(open(5001))
      .thenThrows(DisputeExceedsCaptured, { captured: 5000, requested: 5001 });
  });

  it('refuses another currency', () => {
    const command = { ...open(), data: { ...open().data, amount: { amount: 10, currency: 'USD' } } };
    given([...historyFor.paid])
      .when(command)
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
  });

  it('refuses a blank reason and a malformed due date', () => {
    given([...historyFor.paid])
      .when({ ...open(), data: { ...open().data, reason: ' ' } })
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([...historyFor.paid])
      .when({ ...open(), data: { ...open().data, dueBy: 'tomorrow' } })
      .thenThrows(ValidationFailed, { field: 'dueBy' });
  });

  it('refuses an order that has captured nothing yet', () => {
    given([...historyFor.authorized])
      .when(open())
      .thenThrows(InvalidTransition, { from: 'authorized', command: 'OpenDispute' });
  });
});

describe('WithdrawDisputeFunds', () => {
  it('records the funds taken back; they can no longer be refunded', () => {
    const state = given([...historyFor.delivered, opened])
      .when(withdraw())
      .then([withdrawn]);
    expect(state.status !== 'none' && disputedFunds(state)).toBe(5000);
  });

  it('refuses a dispute the order never opened', () => {
    given([...historyFor.delivered])
      .when(withdraw())
      .thenThrows(DisputeNotFound, { orderId: 'o1', disputeId: 'dp_1' });
  });

  it('refuses a second withdrawal of one dispute', () => {
    given([...historyFor.delivered, opened, withdrawn])
      .when(withdraw())
      .thenThrows(AlreadyExists, { aggregate: 'dispute withdrawal' });
  });

  it('refuses a dispute that ended', () => {
    given([...historyFor.delivered, opened, closed('won')])
      .when(withdraw())
      .thenThrows(DisputeClosedAlready, { outcome: 'won' });
  });
});

describe('CloseDispute', () => {
  it('a won dispute gives the withdrawn funds back', () => {
    const state = given([...historyFor.delivered, opened, withdrawn])
      .when(close('won'))
      .then([closed('won')]);
    expect(state).toMatchObject({ disputes: [{ status: 'won', withdrawn: 5000 }] });
    expect(state.status !== 'none' && disputedFunds(state)).toBe(0);
  });

  it('a lost dispute keeps them gone', () => {
    const state = given([...historyFor.delivered, opened, withdrawn])
      .when(close('lost'))
      .then([closed('lost')]);
    expect(state.status !== 'none' && disputedFunds(state)).toBe(5000);
  });

  it('refuses closing twice', () => {
    given([...historyFor.delivered, opened, closed('lost')])
      .when(close('won'))
      .thenThrows(DisputeClosedAlready, { disputeId: 'dp_1', outcome: 'lost' });
  });

  it('refuses an outcome that is not won or lost', () => {
    given([...historyFor.delivered, opened])
      .when({ ...close('won'), data: { ...close('won').data, outcome: 'warning_closed' as 'won' } })
      .thenThrows(ValidationFailed, { field: 'outcome' });
  });

  it('refuses a dispute the order never opened', () => {
    given([...historyFor.delivered])
      .when(close('lost'))
      .thenThrows(DisputeNotFound);
  });
});

describe('refunds after a dispute', () => {
  it('refuses refunding what a dispute took back', () => {
    given([...historyFor.delivered, opened, withdrawn])
      .when({
        type: 'IssueRefund',
        data: { orderId: 'o1', refundId: 'r1', amount: eur(1), reason: 'goodwill' },
      })
      .thenThrows(RefundExceedsCaptured, { captured: 5000, alreadyRefunded: 0, disputed: 5000 });
  });

  it('allows the rest once a partial dispute was withdrawn', () => {
    const partial: OrderEvent[] = [
      { type: 'DisputeOpened', data: open(2000).data },
      { type: 'DisputeFundsWithdrawn', data: withdraw(2000).data },
    ];
    given([...historyFor.delivered, ...partial, refunded('r1', 1000)])
      .when({
        type: 'IssueRefund',
        data: { orderId: 'o1', refundId: 'r2', amount: eur(2001), reason: 'goodwill' },
      })
      .thenThrows(RefundExceedsCaptured, { disputed: 2000 });
  });
});
