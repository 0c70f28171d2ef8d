import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.ts';
import { OrderNotFound } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { historyFor } from '../testing/order-fixtures.ts';
import { unknownTaxDetail } from './totals.ts';
import { allowedFrom, orderDecider, orderEventTypes, type OrderCommand, type OrderEvent } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** One well-formed instance of every lifecycle command. */
const commands: Record<keyof typeof allowedFrom, OrderCommand> = {
  AuthorizePayment: {
    type: 'AuthorizePayment',
    data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(5000) },
  },
  CapturePayment: { type: 'CapturePayment', data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(5000) } },
  RecordPaymentFailure: {
    type: 'RecordPaymentFailure',
    data: { orderId: 'o1', paymentRef: null, reason: 'declined' },
  },
  StartPaymentAttempt: {
    type: 'StartPaymentAttempt',
    data: { orderId: 'o1', paymentRef: 'pi_2', amount: eur(5000), now: '2025-01-01T00:05:00Z' },
  },
  CancelOrder: {
    type: 'CancelOrder',
    data: { orderId: 'o1', reason: 'requested', note: null, now: '2025-01-01T00:00:00Z' },
  },
  CancelOrderLines: {
    type: 'CancelOrderLines',
    data: { orderId: 'o1', lines: [{ lineId: 'l2', quantity: 1 }] },
  },
  EditOrder: {
    type: 'EditOrder',
    data: {
      orderId: 'o1',
      add: [],
      raise: [{ lineId: 'l2', quantity: 1, allocations: [{ location: 'paris', quantity: 1 }] }],
      shippingAddress: null,
      pricing: {
        discounts: [],
        discountTotal: eur(0),
        shipping: eur(600),
        tax: eur(0),
        taxDetail: unknownTaxDetail('EUR'),
        shippingMethod: null,
      },
    },
  },
  OpenExtraPayment: {
    type: 'OpenExtraPayment',
    data: { orderId: 'o1', paymentRef: 'pi_x', amount: eur(1000) },
  },
  CaptureExtraPayment: {
    type: 'CaptureExtraPayment',
    data: { orderId: 'o1', paymentRef: 'pi_x', amount: eur(1000) },
  },
  CreateShipment: {
    type: 'CreateShipment',
    data: {
      orderId: 'o1',
      shipmentId: 's9',
      location: 'paris',
      carrier: 'DHL',
      trackingNumber: 'T9',
      lines: [{ lineId: 'l2', quantity: 1 }],
    },
  },
  MarkDelivered: { type: 'MarkDelivered', data: { orderId: 'o1' } },
  RecordTracking: {
    type: 'RecordTracking',
    data: {
      orderId: 'o1',
      shipmentId: 's1',
      status: 'in_transit',
      at: '2025-01-02T00:00:00Z',
      detail: null,
      trackingEventId: 'evt_1',
    },
  },
  IssueRefund: {
    type: 'IssueRefund',
    data: { orderId: 'o1', refundId: 'r9', amount: eur(1), reason: 'goodwill' },
  },
  OpenDispute: {
    type: 'OpenDispute',
    data: {
      orderId: 'o1',
      disputeId: 'dp_1',
      paymentRef: 'pi_1',
      amount: eur(5000),
      reason: 'fraudulent',
      dueBy: '2025-01-20T00:00:00Z',
    },
  },
  WithdrawDisputeFunds: {
    type: 'WithdrawDisputeFunds',
    data: { orderId: 'o1', disputeId: 'dp_1', amount: eur(5000) },
  },
  CloseDispute: {
    type: 'CloseDispute',
    data: { orderId: 'o1', disputeId: 'dp_1', outcome: 'lost', amount: eur(5000) },
  },
  ExchangeLine: {
    type: 'ExchangeLine',
    data: {
      orderId: 'o1',
      exchangeId: 'x1',
      lineId: 'l1',
      quantity: 1,
      reason: 'wrong size',
      replacement: {
        lineId: 'L3',
        sku: 'BOWL',
        unitPrice: eur(900),
        tax: null,
        allocations: [{ location: 'berlin', quantity: 1 }],
      },
      chargeRef: null,
    },
  },
  CaptureExchangeCharge: {
    type: 'CaptureExchangeCharge',
    data: { orderId: 'o1', paymentRef: 'pi_x', amount: eur(100) },
  },
  OpenClaim: {
    type: 'OpenClaim',
    data: { orderId: 'o1', claimId: 'cl1', lineId: 'l1', quantity: 1, reason: 'damaged' },
  },
  ResolveClaim: {
    type: 'ResolveClaim',
    data: { orderId: 'o1', claimId: 'cl1', resolution: 'refund', refundId: 'r-cl1' },
  },
};

const statuses = Object.keys(historyFor) as (keyof typeof historyFor)[];
const cases = statuses.flatMap((status) =>
  (Object.keys(commands) as (keyof typeof commands)[]).map((type) => ({ status, type })),
);

describe('order lifecycle', () => {
  it.each(statuses)('the %s history really ends in that status', (status) => {
    const state = historyFor[status].reduce(
      (s, e: OrderEvent) => orderDecider.evolve(s, e),
      orderDecider.initialState(),
    );
    expect(state.status).toBe(status);
  });

  it.each(cases.filter(({ status, type }) => !allowedFrom[type].includes(status)))(
    'refuses $type while $status',
    ({ status, type }) => {
      given([...historyFor[status]])
        .when(commands[type])
        .thenThrows(InvalidTransition, { aggregate: 'order', id: 'o1', from: status, command: type });
    },
  );

  it.each(cases.filter(({ status, type }) => allowedFrom[type].includes(status)))(
    'allows $type while $status',
    ({ status, type }) => {
      // Allowed commands may still break a business rule (no capture to refund), never the lifecycle.
      try {
        const events = orderDecider.decide(
          commands[type],
          historyFor[status].reduce(
            (s, e: OrderEvent) => orderDecider.evolve(s, e),
            orderDecider.initialState(),
          ),
        );
        expect(events.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).not.toBeInstanceOf(InvalidTransition);
      }
    },
  );

  it.each(Object.values(commands))('refuses $type on an order that does not exist', (command) => {
    given([]).when(command).thenThrows(OrderNotFound, { orderId: 'o1' });
  });

  it('ignores events that cannot apply', () => {
    const none = orderDecider.initialState();
    expect(orderDecider.evolve(none, historyFor.delivered[4])).toEqual(none);
    const cancelled = historyFor.cancelled.reduce((s, e: OrderEvent) => orderDecider.evolve(s, e), none);
    expect(orderDecider.evolve(cancelled, historyFor.paid[1])).toEqual(cancelled);
    const placed = orderDecider.evolve(none, historyFor.placed[0]);
    expect(orderDecider.evolve(placed, historyFor.placed[0])).toEqual(placed);
  });

  it('lists its event types', () => {
    expect(orderEventTypes).toHaveLength(22);
  });
});
