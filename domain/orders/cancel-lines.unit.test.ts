import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../errors.ts';
import { replay } from '../decider.ts';
import { specFor } from '../testing/decider-spec.ts';
import { authorized, captured, orderPlaced, platesCancelled } from '../testing/order-fixtures.ts';
import { CancelExceedsOrdered, PaymentInProgress } from './errors.ts';
import { unknownTaxDetail } from './totals.ts';
import { orderDecider, type OrderEvent, type OrderLinesCancelled, type OrderPlaced } from './index.ts';
import { cancelledShare } from './cancel-lines.ts';

const given = specFor(orderDecider);
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const cancelLines = (...lines: { lineId: string; quantity: number }[]) =>
  ({ type: 'CancelOrderLines', data: { orderId: 'o1', lines } }) as const;
const decided = (history: OrderEvent[], command: ReturnType<typeof cancelLines>) =>
  orderDecider.decide(command, replay(orderDecider, history)) as OrderLinesCancelled[];

/** Order o1 (Stripe): l1 2 × MUG (2000, berlin 2), l2 3 × PLATE (2400, berlin 1 then paris 2); shipping 600. */
describe('CancelOrderLines', () => {
  it('cancels units of a line, releasing from its last allocation first, and lowers the totals', () => {
    // Paid 5000, now 3400: the refund is decided with the cancellation, and due until issued.
    const state = given([orderPlaced, captured])
      .when(cancelLines({ lineId: 'l2', quantity: 2 }))
      .then([platesCancelled]);
    expect(state).toMatchObject({
      status: 'paid',
      totals: { subtotal: eur(2800), shipping: eur(600), total: eur(3400) },
      payment: { captured: 5000, refunded: 0, refundsDue: 1600 },
    });
    if (state.status === 'none') throw new Error('no order');
    expect(state.lines[1]).toMatchObject({
      quantity: 1,
      lineTotal: eur(800),
      allocations: [{ location: 'berlin', quantity: 1 }],
    });
  });

  it('takes from several allocations and several lines at once, removing a line by cancelling all of it', () => {
    const [event] = decided(
      [orderPlaced, authorized],
      cancelLines({ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 2 }),
    );
    expect(event).toMatchObject({
      data: {
        lines: [
          { lineId: 'l1', quantity: 2, amount: eur(2000) },
          { lineId: 'l2', quantity: 2, amount: eur(1600) },
        ],
        releases: [
          { lineId: 'l1', location: 'berlin', quantity: 2 },
          { lineId: 'l2', location: 'paris', quantity: 2 },
        ],
        amount: eur(3600),
      },
    });
    const [across] = decided([orderPlaced, authorized], cancelLines({ lineId: 'l2', quantity: 3 }));
    expect(across!.data.releases).toEqual([
      { lineId: 'l2', sku: 'PLATE', location: 'paris', quantity: 2 },
      { lineId: 'l2', sku: 'PLATE', location: 'berlin', quantity: 1 },
    ]);
  });

  it('prorates a line total that does not divide evenly, so the parts add up to the whole', () => {
    const line = { ...orderPlaced.data.lines[0]!, quantity: 3, lineTotal: eur(1000) };
    expect(cancelledShare(line, 1)).toBe(333);
    expect(cancelledShare({ ...line, quantity: 2, lineTotal: eur(1000 - 333) }, 1)).toBe(333);
    expect(cancelledShare({ ...line, quantity: 1, lineTotal: eur(1000 - 666) }, 1)).toBe(334);
  });

  it('refuses more units than the line holds, unknown or repeated lines, and cancelling every unit', () => {
    given([orderPlaced, authorized])
      .when(cancelLines({ lineId: 'l1', quantity: 3 }))
      .thenThrows(CancelExceedsOrdered, { lineId: 'l1', ordered: 2, requested: 3 });
    given([orderPlaced, authorized])
      .when(cancelLines({ lineId: 'l9', quantity: 1 }))
      .thenThrows(ValidationFailed, { field: 'lines[0].lineId' });
    given([orderPlaced, authorized])
      .when(cancelLines({ lineId: 'l1', quantity: 1 }, { lineId: 'l1', quantity: 1 }))
      .thenThrows(ValidationFailed, { field: 'lines[1]' });
    given([orderPlaced, authorized])
      .when(cancelLines({ lineId: 'l1', quantity: 0 }))
      .thenThrows(ValidationFailed, { field: 'lines[0].quantity' });
    given([orderPlaced, authorized]).when(cancelLines()).thenThrows(ValidationFailed, { field: 'lines' });
    given([orderPlaced, authorized])
      .when(cancelLines({ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 3 }))
      .thenThrows(ValidationFailed, { field: 'lines' });
  });

  it('refuses while a card payment for the old total is open, not with the manual provider', () => {
    given([orderPlaced])
      .when(cancelLines({ lineId: 'l1', quantity: 1 }))
      .thenThrows(PaymentInProgress, { orderId: 'o1', paymentProvider: 'stripe' });
    const manual = { ...orderPlaced, data: { ...orderPlaced.data, paymentProvider: 'manual' } };
    expect(decided([manual], cancelLines({ lineId: 'l1', quantity: 1 }))[0]!.data.amount).toEqual(eur(1000));
  });

  it('refuses a line cancelled away already', () => {
    const [first] = decided([orderPlaced, authorized], cancelLines({ lineId: 'l1', quantity: 2 }));
    given([orderPlaced, authorized, first!])
      .when(cancelLines({ lineId: 'l1', quantity: 1 }))
      .thenThrows(CancelExceedsOrdered, { lineId: 'l1', ordered: 0, requested: 1 });
  });

  it("takes the units' share of their line's discount and of its tax along, so the total stays consistent", () => {
    // l1 2 × MUG 2000 with 400 off (a line discount), l2 3 × PLATE 2400; 10 % tax added on top of
    // the discounted lines (160 + 240), shipping 600 untaxed: total 4400 − 400 + 600 + 400 = 5000.
    const priced: OrderPlaced = {
      ...orderPlaced,
      data: {
        ...orderPlaced.data,
        paymentProvider: 'manual',
        totals: {
          subtotal: eur(4400),
          discountTotal: eur(400),
          discounts: [
            {
              promotionId: 'mugs-20',
              promotionVersion: 1,
              code: null,
              label: '20 % off mugs',
              amount: eur(400),
              lineAmounts: [{ sku: 'MUG', amount: eur(400) }],
              freeShipping: false,
            },
          ],
          shipping: eur(600),
          tax: eur(400),
          taxDetail: {
            known: true,
            regionId: 'de',
            included: false,
            rounding: 'line',
            lines: [
              { sku: 'MUG', taxClass: 'standard', rateBps: 1000, taxable: eur(1600), tax: eur(160) },
              { sku: 'PLATE', taxClass: 'standard', rateBps: 1000, taxable: eur(2400), tax: eur(240) },
            ],
            shipping: { rateBps: 0, taxable: eur(600), tax: eur(0) },
            total: eur(400),
          },
          shippingMethod: null,
          total: eur(5000),
        },
      },
    };
    const [event] = decided([priced], cancelLines({ lineId: 'l1', quantity: 1 }));
    // One mug: 1000, less its 200 off, plus 80 tax.
    expect(event!.data).toMatchObject({
      lines: [
        {
          lineId: 'l1',
          amount: eur(1000),
          discounts: [{ promotionId: 'mugs-20', amount: eur(200) }],
          tax: eur(80),
        },
      ],
      amount: eur(880),
    });
    const after = replay(orderDecider, [priced, event!]);
    if (after.status === 'none') throw new Error('no order');
    expect(after.totals).toMatchObject({
      subtotal: eur(3400),
      discountTotal: eur(200),
      discounts: [{ amount: eur(200), lineAmounts: [{ sku: 'MUG', amount: eur(200) }] }],
      tax: eur(320),
      taxDetail: {
        total: eur(320),
        lines: [{ sku: 'MUG', taxable: eur(800), tax: eur(80) }, { sku: 'PLATE' }],
      },
      total: eur(4120),
    });
    // total = subtotal − discounts + shipping + tax still holds.
    expect(3400 - 200 + 600 + 320).toBe(4120);
    // Cancelling the other mug takes exactly the rest: the shares add up.
    const [second] = decided([priced, event!], cancelLines({ lineId: 'l1', quantity: 1 }));
    expect(second!.data.amount).toEqual(eur(880));
    const end = replay(orderDecider, [priced, event!, second!]);
    if (end.status === 'none') throw new Error('no order');
    expect(end.totals).toMatchObject({
      subtotal: eur(2400),
      discountTotal: eur(0),
      tax: eur(240),
      total: eur(3240),
    });
  });

  it('trims a discount on the whole order to the goods left, as the pipeline would', () => {
    // 30.00 off the order (no line amounts); subtotal 4400, shipping 600: total 2000.
    const fixedOff: OrderPlaced = {
      ...orderPlaced,
      data: {
        ...orderPlaced.data,
        paymentProvider: 'manual',
        totals: {
          subtotal: eur(4400),
          discountTotal: eur(3000),
          discounts: [
            {
              promotionId: 'thirty-off',
              promotionVersion: 1,
              code: 'THIRTY',
              label: '30 off',
              amount: eur(3000),
              lineAmounts: [],
              freeShipping: false,
            },
          ],
          shipping: eur(600),
          tax: eur(0),
          taxDetail: unknownTaxDetail('EUR'),
          shippingMethod: null,
          total: eur(2000),
        },
      },
    };
    // A plate cancelled leaves 3600 of goods: the 3000 off stands.
    const [one] = decided([fixedOff], cancelLines({ lineId: 'l2', quantity: 1 }));
    expect(one!.data.amount).toEqual(eur(800));
    // Then everything but a mug: 1000 of goods left, so 2000 of the discount goes with the last line.
    const [rest] = decided(
      [fixedOff, one!],
      cancelLines({ lineId: 'l2', quantity: 2 }, { lineId: 'l1', quantity: 1 }),
    );
    expect(rest!.data.lines[1]!.discounts).toEqual([{ promotionId: 'thirty-off', amount: eur(2000) }]);
    expect(rest!.data.amount).toEqual(eur(1600 + 1000 - 2000));
    const after = replay(orderDecider, [fixedOff, one!, rest!]);
    if (after.status === 'none') throw new Error('no order');
    expect(after.totals).toMatchObject({ subtotal: eur(1000), discountTotal: eur(1000), total: eur(600) });
  });
});
