import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { delivered, historyFor, orderPlaced, shipment } from '../testing/order-fixtures.ts';
import { AmountMismatch, ExchangeChargeUnknown, ExchangeExceedsDelivered } from './errors.ts';
import { exchangeDifference, orderDecider, type ExchangeLine, type OrderEvent } from './index.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** One of the two delivered mugs (10.00 each) for a bowl at `price`. */
const exchange = (price: number, chargeRef: string | null = null, quantity = 1): ExchangeLine => ({
  type: 'ExchangeLine',
  data: {
    orderId: 'o1',
    exchangeId: 'x1',
    lineId: 'l1',
    quantity,
    reason: 'wrong colour',
    replacement: {
      lineId: 'L3',
      sku: 'BOWL',
      unitPrice: eur(price),
      allocations: [{ location: 'berlin', quantity }],
    },
    chargeRef,
  },
});

const exchanged = (price: number, chargeRef: string | null = null): OrderEvent => ({
  type: 'LineExchanged',
  data: {
    orderId: 'o1',
    exchangeId: 'x1',
    returned: { lineId: 'l1', sku: 'MUG', quantity: 1, amount: eur(1000) },
    replacement: {
      lineId: 'L3',
      sku: 'BOWL',
      quantity: 1,
      unitPrice: eur(price),
      lineTotal: eur(price),
      allocations: [{ location: 'berlin', quantity: 1 }],
    },
    difference: eur(price - 1000),
    charge: chargeRef === null ? null : { paymentRef: chargeRef, amount: eur(price - 1000) },
    reason: 'wrong colour',
  },
});

/** The first exchange, its replacement shipped and delivered: the order may be exchanged again. */
const afterFirst = (): OrderEvent[] => [
  ...historyFor.delivered,
  exchanged(1000),
  shipment('s3', 'berlin', [{ lineId: 'L3', sku: 'BOWL', quantity: 1 }]),
  delivered,
];

describe('ExchangeLine', () => {
  it('exchanges a delivered unit for a dearer SKU paid by an extra payment; the order awaits its shipment', () => {
    const state = given([...historyFor.delivered])
      .when(exchange(1300, 'pi_extra'))
      .then([exchanged(1300, 'pi_extra')]);
    expect(state).toMatchObject({
      status: 'partially_shipped',
      totals: { subtotal: eur(4700), total: eur(5300) },
      exchanges: [
        {
          exchangeId: 'x1',
          lineId: 'l1',
          quantity: 1,
          replacementLineId: 'L3',
          charge: { paymentRef: 'pi_extra', amount: 300, captured: false },
        },
      ],
    });
    expect(state.status !== 'none' && state.lines.map((l) => l.lineId)).toEqual(['l1', 'l2', 'L3']);
  });

  it('exchanges for a cheaper SKU without a charge: the difference is negative (refunded by the handler)', () => {
    const state = given([...historyFor.delivered])
      .when(exchange(600))
      .then([exchanged(600)]);
    expect(state).toMatchObject({ totals: { total: eur(4600) } });
  });

  it('says what an exchange costs before it is decided', () => {
    const order = historyFor.delivered.reduce(orderDecider.evolve, orderDecider.initialState());
    expect(order.status !== 'none' && exchangeDifference(order, 'l1', 2, eur(1300))).toEqual({
      returned: eur(2000),
      difference: eur(600),
    });
  });

  it('refuses more units than were delivered, and units exchanged already', () => {
    given([...historyFor.delivered])
      .when(exchange(1000, null, 3))
      .thenThrows(ExchangeExceedsDelivered, {
        lineId: 'l1',
        delivered: 2,
        alreadyExchanged: 0,
        requested: 3,
      });
    given(afterFirst())
      .when({
        ...exchange(1000, null, 2),
        data: {
          ...exchange(1000, null, 2).data,
          exchangeId: 'x2',
          replacement: { ...exchange(1000, null, 2).data.replacement, lineId: 'L4' },
        },
      })
      .thenThrows(ExchangeExceedsDelivered, { delivered: 2, alreadyExchanged: 1, requested: 2 });
  });

  it('refuses another exchange while a replacement waits to be shipped', () => {
    given([...historyFor.delivered, exchanged(1000)])
      .when(exchange(1000))
      .thenThrows(InvalidTransition, { from: 'partially_shipped' });
  });

  it('refuses an order that is not delivered', () => {
    for (const status of ['paid', 'shipped', 'cancelled'] as const)
      given([...historyFor[status]])
        .when(exchange(1000))
        .thenThrows(InvalidTransition, { from: status, command: 'ExchangeLine' });
  });

  it('refuses the same exchange twice', () => {
    given(afterFirst()).when(exchange(1000)).thenThrows(AlreadyExists, { aggregate: 'exchange', id: 'x1' });
  });

  it('refuses a dearer replacement without its extra payment, and a charge with nothing to pay', () => {
    given([...historyFor.delivered])
      .when(exchange(1300))
      .thenThrows(ValidationFailed, { field: 'chargeRef' });
    given([...historyFor.delivered])
      .when(exchange(900, 'pi_extra'))
      .thenThrows(ValidationFailed, { field: 'chargeRef' });
  });

  it('refuses the same SKU, a line the order does not have, and a blank reason', () => {
    const same = exchange(1000);
    given([...historyFor.delivered])
      .when({ ...same, data: { ...same.data, replacement: { ...same.data.replacement, sku: 'MUG' } } })
      .thenThrows(ValidationFailed, { field: 'replacement.sku' });
    given([...historyFor.delivered])
      .when({ ...same, data: { ...same.data, lineId: 'l9' } })
      .thenThrows(ValidationFailed, { field: 'lineId' });
    given([...historyFor.delivered])
      .when({ ...same, data: { ...same.data, reason: '' } })
      .thenThrows(ValidationFailed, { field: 'reason' });
  });

  it('refuses a replacement priced in another currency', () => {
    const other = exchange(1000);
    given([...historyFor.delivered])
      .when({
        ...other,
        data: {
          ...other.data,
          replacement: { ...other.data.replacement, unitPrice: { amount: 1000, currency: 'USD' } },
        },
      })
      .thenThrows(CurrencyMismatch);
  });
});

describe('CaptureExchangeCharge', () => {
  const capture = (amount: number, paymentRef = 'pi_extra') =>
    ({ type: 'CaptureExchangeCharge', data: { orderId: 'o1', paymentRef, amount: eur(amount) } }) as const;

  it('records the extra payment captured, adding to what the order captured', () => {
    const state = given([...historyFor.delivered, exchanged(1300, 'pi_extra')])
      .when(capture(300))
      .then([
        {
          type: 'ExchangeChargeCaptured',
          data: { orderId: 'o1', exchangeId: 'x1', paymentRef: 'pi_extra', amount: eur(300) },
        },
      ]);
    expect(state).toMatchObject({
      payment: { captured: 5300, paymentRef: 'pi_1' },
      exchanges: [{ charge: { captured: true } }],
    });
  });

  it('refuses a payment that is no exchange charge, one captured already, and another amount', () => {
    given([...historyFor.delivered, exchanged(1300, 'pi_extra')])
      .when(capture(300, 'pi_other'))
      .thenThrows(ExchangeChargeUnknown);
    given([
      ...historyFor.delivered,
      exchanged(1300, 'pi_extra'),
      {
        type: 'ExchangeChargeCaptured',
        data: { orderId: 'o1', exchangeId: 'x1', paymentRef: 'pi_extra', amount: eur(300) },
      },
    ])
      .when(capture(300))
      .thenThrows(ExchangeChargeUnknown);
    given([...historyFor.delivered, exchanged(1300, 'pi_extra')])
      .when(capture(299))
      .thenThrows(AmountMismatch, { expected: 300, actual: 299 });
  });

  it('refuses before any exchange', () => {
    given([orderPlaced]).when(capture(300)).thenThrows(InvalidTransition);
  });
});
