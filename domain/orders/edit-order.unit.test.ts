import { describe, expect, it } from 'vitest';
import { CurrencyMismatch, InvalidTransition, ValidationFailed } from '../errors.ts';
import { replay } from '../decider.ts';
import { mapPersonalFields } from '../privacy/personal-fields.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  authorized,
  berlinShipment,
  captured,
  failed,
  orderPlaced,
  refunded,
} from '../testing/order-fixtures.ts';
import { AmountMismatch } from './errors.ts';
import {
  CancelExceedsOrdered,
  ExtraPaymentPending,
  NoExtraPaymentOwed,
  PaymentInProgress,
} from './errors.ts';
import {
  orderDecider,
  type EditOrder,
  type OrderEdited,
  type OrderEvent,
  type OrderPlaced,
  type OrderState,
} from './index.ts';
import { unknownTaxDetail } from './totals.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const pricing = (shipping = 600, discount = 0): EditOrder['data']['pricing'] => ({
  discounts:
    discount === 0
      ? []
      : [
          {
            promotionId: 'promo-1',
            promotionVersion: 1,
            code: null,
            label: '10% off',
            amount: eur(discount),
            lineAmounts: [],
            freeShipping: false,
          },
        ],
  discountTotal: eur(discount),
  shipping: eur(shipping),
  tax: eur(0),
  taxDetail: unknownTaxDetail('EUR'),
  shippingMethod: null,
});
/** The events the command gives on the history, with the state after them. */
function decided(history: OrderEvent[], command: EditOrder) {
  const events = orderDecider.decide(command, replay(orderDecider, history));
  return { types: events.map((e) => e.type), state: replay(orderDecider, [...history, ...events]) };
}
const edit = (data: Partial<EditOrder['data']>): EditOrder => ({
  type: 'EditOrder',
  data: { orderId: 'o1', add: [], raise: [], shippingAddress: null, pricing: pricing(), ...data },
});
const addBowl = {
  lineId: 'l3',
  sku: 'BOWL',
  quantity: 2,
  unitPrice: eur(500),
  allocations: [{ location: 'paris', quantity: 2 }],
};
/** The fixture order, paid for by hand (the manual provider opens nothing online). */
const manualOrder: OrderPlaced = { ...orderPlaced, data: { ...orderPlaced.data, paymentProvider: 'manual' } };

/** Order o1: l1 2 × MUG (2000, berlin 2), l2 3 × PLATE (2400, berlin 1, paris 2); shipping 600; total 5000. */
describe('EditOrder', () => {
  it('adds a line and raises a quantity, reserving both, re-priced as a whole, with before and after', () => {
    const edited: OrderEdited = {
      type: 'OrderEdited',
      data: {
        orderId: 'o1',
        customerId: 'c1',
        shippingAddress: null,
        added: [{ ...addBowl, lineTotal: eur(1000) }],
        raised: [
          {
            lineId: 'l2',
            sku: 'PLATE',
            quantity: 2,
            amount: eur(1600),
            allocations: [
              { location: 'paris', quantity: 1 },
              { location: 'lyon', quantity: 1 },
            ],
          },
        ],
        reservations: [
          { lineId: 'l3', sku: 'BOWL', location: 'paris', quantity: 2 },
          { lineId: 'l2', sku: 'PLATE', location: 'paris', quantity: 1 },
          { lineId: 'l2', sku: 'PLATE', location: 'lyon', quantity: 1 },
        ],
        lowered: [],
        releases: [],
        before: {
          subtotal: eur(4400),
          discountTotal: eur(0),
          discounts: [],
          shipping: eur(600),
          tax: eur(0),
          taxDetail: unknownTaxDetail('EUR'),
          shippingMethod: null,
          total: eur(5000),
        },
        after: {
          subtotal: eur(7000),
          discountTotal: eur(700),
          discounts: pricing(900, 700).discounts,
          shipping: eur(900),
          tax: eur(0),
          taxDetail: unknownTaxDetail('EUR'),
          shippingMethod: null,
          total: eur(7200),
        },
        // Not paid yet (manual provider): the admin records a payment of the new total.
        payment: { kind: 'none', amount: eur(0) },
      },
    };
    const state = given([manualOrder])
      .when(
        edit({
          add: [addBowl],
          raise: [{ lineId: 'l2', quantity: 2, allocations: edited.data.raised[0]!.allocations }],
          pricing: pricing(900, 700),
        }),
      )
      .then([edited]);
    if (state.status === 'none') throw new Error('no order');
    expect(state.totals.total).toEqual(eur(7200));
    expect(state.lines.map((l) => [l.lineId, l.quantity, l.lineTotal.amount])).toEqual([
      ['l1', 2, 2000],
      ['l2', 5, 4000],
      ['l3', 2, 1000],
    ]);
    expect(state.lines[1]!.allocations).toEqual([
      { location: 'berlin', quantity: 1 },
      { location: 'paris', quantity: 3 },
      { location: 'lyon', quantity: 1 },
    ]);
  });

  it('is allowed after a failed payment: the retry pays the new total', () => {
    const { types, state } = decided([orderPlaced, failed], edit({ add: [addBowl] }));
    expect(types).toEqual(['OrderEdited']);
    if (state.status === 'none') throw new Error('no order');
    expect(state.totals.total).toEqual(eur(6000));
  });

  it('is allowed on a paid order when what was paid still covers the new total', () => {
    const free = { ...addBowl, unitPrice: eur(0) };
    expect(decided([orderPlaced, authorized, captured], edit({ add: [free] })).types).toEqual([
      'OrderEdited',
    ]);
  });

  it('refuses while a card payment is open for the old total', () => {
    given([orderPlaced])
      .when(edit({ add: [addBowl] }))
      .thenThrows(PaymentInProgress, { orderId: 'o1', paymentProvider: 'stripe' });
  });

  it('refuses after shipment', () => {
    given([orderPlaced, authorized, berlinShipment])
      .when(edit({ add: [addBowl] }))
      .thenThrows(InvalidTransition, { from: 'partially_shipped', command: 'EditOrder' });
  });

  it.each([
    ['nothing to do', edit({}), 'add'],
    ['a SKU already on the order', edit({ add: [{ ...addBowl, sku: 'MUG' }] }), 'add[0]'],
    ['a line id already taken', edit({ add: [{ ...addBowl, lineId: 'l1' }] }), 'add[0].lineId'],
    [
      'an unknown line',
      edit({ raise: [{ lineId: 'l9', quantity: 1, allocations: [{ location: 'paris', quantity: 1 }] }] }),
      'raise[0].lineId',
    ],
    ['no units', edit({ raise: [{ lineId: 'l1', quantity: 0, allocations: [] }] }), 'raise[0].quantity'],
    [
      'allocations that do not add up',
      edit({ raise: [{ lineId: 'l1', quantity: 2, allocations: [{ location: 'paris', quantity: 1 }] }] }),
      'raise[0].allocations',
    ],
    [
      'a discount past the subtotal',
      edit({ add: [addBowl], pricing: pricing(600, 999_999) }),
      'pricing.discountTotal',
    ],
  ])('refuses %s', (_name, command, field) => {
    given([manualOrder]).when(command).thenThrows(ValidationFailed, { field });
  });

  it('changes the shipping address and method alone, re-priced, the new address sealed as personal data', () => {
    const moved = { ...orderPlaced.data.shippingAddress, line1: '2 Difference Road', line2: 'Flat 3' };
    const express = { methodId: 'express', zoneId: 'gb', name: 'Express', minDays: 1, maxDays: 1 };
    const { types, state } = decided(
      [manualOrder],
      edit({ shippingAddress: moved, pricing: { ...pricing(1500), shippingMethod: express } }),
    );
    expect(types).toEqual(['OrderEdited']);
    if (state.status === 'none') throw new Error('no order');
    expect(state.shippingAddress).toEqual(moved);
    expect(state.totals).toMatchObject({ shipping: eur(1500), total: eur(5900), shippingMethod: express });
    const [event] = orderDecider.decide(
      edit({ shippingAddress: moved }),
      replay(orderDecider, [manualOrder]),
    );
    const sealed = mapPersonalFields(event as never, () => 'sealed') as unknown as OrderEdited;
    expect(sealed.data.shippingAddress).toEqual({
      name: 'sealed',
      line1: 'sealed',
      line2: 'sealed',
      city: 'sealed',
      postalCode: 'sealed',
      region: null,
      country: 'GB',
    });
  });

  it('refuses a malformed address, naming its field', () => {
    given([manualOrder])
      .when(edit({ shippingAddress: { ...orderPlaced.data.shippingAddress, country: 'Germany' } }))
      .thenThrows(ValidationFailed, { field: 'shippingAddress.country' });
  });

  it('lets the event say what it changed', () => {
    const [event] = orderDecider.decide(
      edit({ raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'berlin', quantity: 1 }] }] }),
      orderDecider.evolve(orderDecider.initialState(), manualOrder),
    ) as OrderEdited[];
    expect(event!.data.before.total).toEqual(eur(5000));
    expect(event!.data.after.total).toEqual(eur(6000));
    expect(event!.data.reservations).toEqual([{ lineId: 'l1', sku: 'MUG', location: 'berlin', quantity: 1 }]);
  });
});

const lower = (lineId: string, quantity: number) => edit({ lower: [{ lineId, quantity }] });
const paymentOf = (state: OrderState) => (state.status === 'none' ? null : state.payment);
const raiseMug = edit({
  raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'berlin', quantity: 1 }] }],
});

describe('EditOrder lowering and removing', () => {
  it('lowers a line from its last allocation, releasing those units in the same event', () => {
    const { types, state } = decided([manualOrder], lower('l2', 2));
    expect(types).toEqual(['OrderEdited']);
    const [event] = orderDecider.decide(lower('l2', 2), replay(orderDecider, [manualOrder])) as OrderEdited[];
    expect(event!.data.lowered).toEqual([{ lineId: 'l2', sku: 'PLATE', quantity: 2, amount: eur(1600) }]);
    expect(event!.data.releases).toEqual([{ lineId: 'l2', sku: 'PLATE', location: 'paris', quantity: 2 }]);
    expect(event!.data.after.total).toEqual(eur(3400));
    if (state.status === 'none') throw new Error('no order');
    expect(state.lines[1]).toMatchObject({ quantity: 1, lineTotal: eur(800) });
    expect(state.lines[1]!.allocations).toEqual([{ location: 'berlin', quantity: 1 }]);
  });

  it('removes a line by lowering every unit of it: it stays at 0 units, its stock released', () => {
    const [event] = orderDecider.decide(lower('l1', 2), replay(orderDecider, [manualOrder])) as OrderEdited[];
    expect(event!.data.releases).toEqual([{ lineId: 'l1', sku: 'MUG', location: 'berlin', quantity: 2 }]);
    const state = replay(orderDecider, [manualOrder, event!]);
    if (state.status === 'none') throw new Error('no order');
    expect(state.lines[0]).toMatchObject({ lineId: 'l1', quantity: 0, lineTotal: eur(0), allocations: [] });
  });

  it('refuses lowering more units than the line holds', () => {
    given([manualOrder])
      .when(lower('l1', 3))
      .thenThrows(CancelExceedsOrdered, { lineId: 'l1', ordered: 2, requested: 3 });
  });

  it.each([
    [
      'a line raised by the same edit',
      edit({
        raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'berlin', quantity: 1 }] }],
        lower: [{ lineId: 'l1', quantity: 1 }],
      }),
      'lower[0].lineId',
    ],
    [
      'every unit of the order',
      edit({
        lower: [
          { lineId: 'l1', quantity: 2 },
          { lineId: 'l2', quantity: 3 },
        ],
      }),
      'lower',
    ],
    ['an unknown line', lower('l9', 1), 'lower[0].lineId'],
    ['no units', lower('l1', 0), 'lower[0].quantity'],
  ] as const)('refuses lowering %s, naming the field', (_name, command, field) => {
    given([manualOrder]).when(command).thenThrows(ValidationFailed, { field });
  });

  it('refuses lowering after shipment', () => {
    given([orderPlaced, authorized, berlinShipment])
      .when(lower('l2', 1))
      .thenThrows(InvalidTransition, { from: 'partially_shipped', command: 'EditOrder' });
  });
});

describe('EditOrder repricing a changed line', () => {
  const linesAfter = (command: EditOrder) => {
    const { state } = decided([manualOrder], command);
    if (state.status === 'none') throw new Error('no order');
    return state;
  };

  it('raises a line at a lower unit price for every unit it then holds (a quantity tier reached)', () => {
    const command = edit({
      raise: [
        { lineId: 'l2', quantity: 2, allocations: [{ location: 'paris', quantity: 2 }], unitPrice: eur(700) },
      ],
    });
    const [event] = orderDecider.decide(command, replay(orderDecider, [manualOrder])) as OrderEdited[];
    expect(event!.data.raised).toMatchObject([
      { lineId: 'l2', quantity: 2, amount: eur(1400), unitPrice: eur(700) },
    ]);
    const state = linesAfter(command);
    expect(state.lines[1]).toMatchObject({ quantity: 5, unitPrice: eur(700), lineTotal: eur(3500) });
    expect(state.totals.subtotal).toEqual(eur(2000 + 3500));
  });

  it('lowers a line: the units taken off take their share at the old price, the units left the new one', () => {
    const command = edit({ lower: [{ lineId: 'l1', quantity: 1, unitPrice: eur(900) }] });
    const [event] = orderDecider.decide(command, replay(orderDecider, [manualOrder])) as OrderEdited[];
    expect(event!.data.lowered).toEqual([
      { lineId: 'l1', sku: 'MUG', quantity: 1, amount: eur(1000), unitPrice: eur(900) },
    ]);
    expect(linesAfter(command).lines[0]).toMatchObject({
      quantity: 1,
      unitPrice: eur(900),
      lineTotal: eur(900),
    });
  });

  it("refuses a unit price that is not below the line's own, or in another currency", () => {
    const raise = (unitPrice: { amount: number; currency: string }) =>
      edit({
        raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'berlin', quantity: 1 }], unitPrice }],
      });
    given([manualOrder])
      .when(raise(eur(1000)))
      .thenThrows(ValidationFailed, { field: 'raise[0].unitPrice' });
    given([manualOrder])
      .when(edit({ lower: [{ lineId: 'l1', quantity: 1, unitPrice: eur(1200) }] }))
      .thenThrows(ValidationFailed, { field: 'lower[0].unitPrice' });
    given([manualOrder])
      .when(raise({ amount: 900, currency: 'USD' }))
      .thenThrows(CurrencyMismatch, { expected: 'EUR', actual: 'USD' });
  });
});

describe('EditOrder: the payment difference', () => {
  it.each([
    ['authorized', [orderPlaced, authorized]],
    ['paid', [orderPlaced, authorized, captured]],
  ] as const)('an edit raising a %s order owes the difference, by an extra payment', (_status, history) => {
    const [event] = orderDecider.decide(raiseMug, replay(orderDecider, [...history])) as OrderEdited[];
    expect(event!.data.payment).toEqual({ kind: 'extra_payment', amount: eur(1000) });
    expect(paymentOf(replay(orderDecider, [...history, event!]))?.extra).toEqual({
      amount: 1000,
      paymentRef: null,
    });
  });

  it('an edit lowering a paid order refunds the difference; an authorized one releases it', () => {
    const paid = orderDecider.decide(
      lower('l1', 1),
      replay(orderDecider, [orderPlaced, authorized, captured]),
    );
    expect((paid[0] as OrderEdited).data.payment).toEqual({ kind: 'refund', amount: eur(1000) });
    const held = orderDecider.decide(lower('l1', 1), replay(orderDecider, [orderPlaced, authorized]));
    expect((held[0] as OrderEdited).data.payment).toEqual({ kind: 'release', amount: eur(1000) });
  });

  it('never refunds more than captured minus refunded: money already refunded is owed again', () => {
    // 5000 captured, 4500 refunded: 500 held. Lowered to 4000, the order owes 3500, refunds nothing.
    const history = [orderPlaced, authorized, captured, refunded('r1', 4500)];
    const [event] = orderDecider.decide(lower('l1', 1), replay(orderDecider, history)) as OrderEdited[];
    expect(event!.data.payment).toEqual({ kind: 'extra_payment', amount: eur(3500) });
    // 5000 captured, 500 refunded: 4500 held; lowered to 4000, 500 is refunded, not 1000.
    const partly = [orderPlaced, authorized, captured, refunded('r1', 500)];
    const [less] = orderDecider.decide(lower('l1', 1), replay(orderDecider, partly)) as OrderEdited[];
    expect(less!.data.payment).toEqual({ kind: 'refund', amount: eur(500) });
  });

  it('moves no money on an order not paid yet, or when the total stays', () => {
    const [event] = orderDecider.decide(raiseMug, replay(orderDecider, [manualOrder])) as OrderEdited[];
    expect(event!.data.payment).toEqual({ kind: 'none', amount: eur(0) });
    const moved = { ...orderPlaced.data.shippingAddress, line1: '2 Difference Road' };
    const [same] = orderDecider.decide(
      edit({ shippingAddress: moved }),
      replay(orderDecider, [orderPlaced, authorized]),
    ) as OrderEdited[];
    expect(same!.data.payment).toEqual({ kind: 'none', amount: eur(0) });
  });

  const owing = (): OrderEvent[] => [
    orderPlaced,
    authorized,
    ...orderDecider.decide(raiseMug, replay(orderDecider, [orderPlaced, authorized])),
  ];

  it('refuses another edit while the difference is owed', () => {
    given(owing()).when(lower('l2', 1)).thenThrows(ExtraPaymentPending, { orderId: 'o1', owed: 1000 });
  });

  it('refuses a partial cancellation while the difference is owed: its payment would charge the cancelled units', () => {
    given(owing())
      .when({ type: 'CancelOrderLines', data: { orderId: 'o1', lines: [{ lineId: 'l2', quantity: 1 }] } })
      .thenThrows(ExtraPaymentPending, { orderId: 'o1', owed: 1000, currency: 'EUR' });
  });

  it('opens the extra payment once, and records it paid: authorized and captured grow by it', () => {
    const open = {
      type: 'OpenExtraPayment' as const,
      data: { orderId: 'o1', paymentRef: 'pi_x', amount: eur(1000) },
    };
    given(owing())
      .when(open)
      .then([{ type: 'ExtraPaymentOpened', data: open.data }]);
    const opened: OrderEvent[] = [...owing(), { type: 'ExtraPaymentOpened', data: open.data }];
    given(opened).when(open).then([]);
    given(opened)
      .when({ ...open, data: { ...open.data, paymentRef: 'pi_y' } })
      .thenThrows(NoExtraPaymentOwed, { paymentRef: 'pi_y' });
    const capture = { type: 'CaptureExtraPayment' as const, data: open.data };
    const state = given(opened)
      .when(capture)
      .then([{ type: 'ExtraPaymentCaptured', data: open.data }]);
    expect(paymentOf(state)).toMatchObject({
      authorized: 6000,
      captured: 1000,
      extra: null,
      extraRefs: ['pi_x'],
    });
    given([...opened, { type: 'ExtraPaymentCaptured', data: open.data }])
      .when(capture)
      .thenThrows(NoExtraPaymentOwed, { orderId: 'o1' });
    given(opened)
      .when({ ...capture, data: { ...capture.data, amount: eur(999) } })
      .thenThrows(AmountMismatch, { expected: 1000, actual: 999 });
    given(opened)
      .when({ ...capture, data: { ...capture.data, paymentRef: 'pi_other' } })
      .thenThrows(NoExtraPaymentOwed, { paymentRef: 'pi_other' });
  });

  it('refuses an extra payment on an order that owes none', () => {
    given([orderPlaced, authorized])
      .when({ type: 'OpenExtraPayment', data: { orderId: 'o1', paymentRef: 'pi_x', amount: eur(1000) } })
      .thenThrows(NoExtraPaymentOwed, { orderId: 'o1' });
  });
});
