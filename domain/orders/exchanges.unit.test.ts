import { describe, expect, it } from 'vitest';
import { AlreadyExists, CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { replay } from '../decider.ts';
import { delivered, historyFor, orderPlaced, pricedDelivered, shipment } from '../testing/order-fixtures.ts';
import { AmountMismatch, ExchangeChargeUnknown, ExchangeExceedsDelivered } from './errors.ts';
import {
  exchangeDifference,
  orderDecider,
  type ExchangeLine,
  type OrderEvent,
  type OrderState,
} from './index.ts';

const given = specFor(orderDecider);
const replayOf = (history: OrderEvent[]): OrderState => replay(orderDecider, history);
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
      tax: null,
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
    returned: { lineId: 'l1', sku: 'MUG', quantity: 1, amount: eur(1000), discounts: [], tax: eur(0) },
    replacement: {
      lineId: 'L3',
      sku: 'BOWL',
      quantity: 1,
      unitPrice: eur(price),
      lineTotal: eur(price),
      allocations: [{ location: 'berlin', quantity: 1 }],
    },
    replacementTax: null,
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
    expect(
      order.status !== 'none' && exchangeDifference(order, 'l1', 2, { unitPrice: eur(1300), tax: null }),
    ).toEqual({
      returned: { amount: eur(2000), discounts: [], tax: eur(0) },
      replacementTax: null,
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

/** One mug for a bowl at `price` (tax `tax` on it, as the pipeline computed it at the order's address). */
const taxedExchange = (price: number, tax: number, rateBps: number, chargeRef: string | null = null) => {
  const command = exchange(price, chargeRef);
  return {
    ...command,
    data: {
      ...command.data,
      replacement: { ...command.data.replacement, tax: { taxClass: 'standard', rateBps, tax: eur(tax) } },
    },
  };
};

/** total = subtotal − discounts + shipping + tax added on top, and the tax detail adds up. */
function expectTotalsAddUp(state: OrderState) {
  if (state.status === 'none') throw new Error('no order');
  const { subtotal, discountTotal, discounts, shipping, tax, taxDetail, total } = state.totals;
  expect(total.amount).toBe(subtotal.amount - discountTotal.amount + shipping.amount + tax.amount);
  expect(discountTotal.amount).toBe(discounts.reduce((sum, d) => sum + d.amount.amount, 0));
  expect(taxDetail.total.amount).toBe(
    taxDetail.lines.reduce((sum, l) => sum + l.tax.amount, 0) + taxDetail.shipping.tax.amount,
  );
}

describe('the difference counts what was paid: discounts and tax', () => {
  it('EU, prices include tax: the units count at what was paid, tax inside; the replacement at its price', () => {
    // 20 % included: a mug at 12.00 holds 2.00 of tax, the bowl at 15.00 holds 2.50.
    const history = pricedDelivered({ included: true, rateBps: 2000, mug: 1200, plate: 600, mugDiscount: 0 });
    const state = given(history)
      .when(taxedExchange(1500, 250, 2000, 'pi_extra'))
      .then([
        {
          type: 'LineExchanged',
          data: {
            orderId: 'o1',
            exchangeId: 'x1',
            returned: {
              lineId: 'l1',
              sku: 'MUG',
              quantity: 1,
              amount: eur(1200),
              discounts: [],
              tax: eur(200),
            },
            replacement: {
              lineId: 'L3',
              sku: 'BOWL',
              quantity: 1,
              unitPrice: eur(1500),
              lineTotal: eur(1500),
              allocations: [{ location: 'berlin', quantity: 1 }],
            },
            replacementTax: { taxClass: 'standard', rateBps: 2000, tax: eur(250) },
            difference: eur(300),
            charge: { paymentRef: 'pi_extra', amount: eur(300) },
            reason: 'wrong colour',
          },
        },
      ]);
    expect(state).toMatchObject({
      totals: {
        subtotal: eur(4200 + 300),
        tax: eur(0),
        taxDetail: {
          total: eur(700 - 200 + 250),
          lines: [
            { sku: 'MUG', taxable: eur(1200), tax: eur(200) },
            { sku: 'PLATE', taxable: eur(1800), tax: eur(300) },
            { sku: 'BOWL', taxable: eur(1500), tax: eur(250) },
          ],
        },
        total: eur(4800 + 300),
      },
    });
    expectTotalsAddUp(state);
  });

  it('US, tax on top, a discounted line: the units count at their price less their discount plus their tax', () => {
    // 10 % on top; the two mugs (10.00 each) got 2.00 off, so one was paid 10.00 − 1.00 + 0.90 tax.
    const history = pricedDelivered({
      included: false,
      rateBps: 1000,
      mug: 1000,
      plate: 800,
      mugDiscount: 200,
    });
    const state = given(history)
      .when(taxedExchange(1300, 130, 1000, 'pi_extra'))
      .then([
        {
          type: 'LineExchanged',
          data: {
            orderId: 'o1',
            exchangeId: 'x1',
            returned: {
              lineId: 'l1',
              sku: 'MUG',
              quantity: 1,
              amount: eur(1000),
              discounts: [{ promotionId: 'mugs-off', amount: eur(100) }],
              tax: eur(90),
            },
            replacement: {
              lineId: 'L3',
              sku: 'BOWL',
              quantity: 1,
              unitPrice: eur(1300),
              lineTotal: eur(1300),
              allocations: [{ location: 'berlin', quantity: 1 }],
            },
            replacementTax: { taxClass: 'standard', rateBps: 1000, tax: eur(130) },
            // 13.00 + 1.30 tax − (10.00 − 1.00 + 0.90)
            difference: eur(1430 - 990),
            charge: { paymentRef: 'pi_extra', amount: eur(440) },
            reason: 'wrong colour',
          },
        },
      ]);
    expect(state).toMatchObject({
      totals: {
        subtotal: eur(4400 - 1000 + 1300),
        discountTotal: eur(100),
        discounts: [{ amount: eur(100), lineAmounts: [{ sku: 'MUG', amount: eur(100) }] }],
        tax: eur(420 - 90 + 130),
        taxDetail: {
          lines: [
            { sku: 'MUG', taxable: eur(900), tax: eur(90) },
            { sku: 'PLATE', taxable: eur(2400), tax: eur(240) },
            { sku: 'BOWL', taxable: eur(1300), tax: eur(130) },
          ],
        },
        total: eur(5220 + 440),
      },
    });
    expectTotalsAddUp(state);
  });

  it("US: a cheaper replacement gives back the difference, and the line's last unit takes the rest of its shares", () => {
    const history = pricedDelivered({
      included: false,
      rateBps: 1000,
      mug: 1000,
      plate: 800,
      mugDiscount: 200,
    });
    // The first mug for a bowl at 5.00 + 0.50: 9.90 paid, 5.50 due, 4.40 given back.
    const first = given(history)
      .when(taxedExchange(500, 50, 1000))
      .then([expect.objectContaining({ data: expect.objectContaining({ difference: eur(-440) }) }) as never]);
    expectTotalsAddUp(first);
    const second = taxedExchange(500, 50, 1000);
    const rest = [
      ...history,
      ...orderDecider.decide(taxedExchange(500, 50, 1000), replayOf(history)),
      shipment('s3', 'berlin', [{ lineId: 'L3', sku: 'BOWL', quantity: 1 }]),
      delivered,
    ];
    const state = given(rest)
      .when({
        ...second,
        data: {
          ...second.data,
          exchangeId: 'x2',
          replacement: { ...second.data.replacement, lineId: 'L4', sku: 'CUP' },
        },
      })
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            returned: expect.objectContaining({
              discounts: [{ promotionId: 'mugs-off', amount: eur(100) }],
              tax: eur(90),
            }),
            difference: eur(-440),
          }),
        }) as never,
      ]);
    expect(state).toMatchObject({
      totals: {
        discountTotal: eur(0),
        taxDetail: { lines: [{ sku: 'MUG', taxable: eur(0), tax: eur(0) }, {}, {}, {}] },
      },
    });
    expectTotalsAddUp(state);
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
