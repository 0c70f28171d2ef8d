import { describe, expect, it } from 'vitest';
import { replay } from '../decider.ts';
import { historyFor, pricedDelivered } from '../testing/order-fixtures.ts';
import { linePaid, orderDecider, type OrderData, type OrderEvent } from './index.ts';

const orderOf = (history: OrderEvent[]) => replay(orderDecider, history) as OrderData;

/** What a return refunds per line: its total less its discounts, and the tax added on top of it. */
describe('linePaid', () => {
  it('US, tax on top: the mugs less their discount, with the tax on what was left', () => {
    // 2 mugs at 10.00 with 2.00 off, 3 plates at 5.00, 8.875 %.
    const order = orderOf(
      pricedDelivered({ included: false, rateBps: 888, mug: 1000, plate: 500, mugDiscount: 200 }),
    );
    const [mug, plate] = order.lines;
    expect(linePaid(order, mug!)).toEqual({ paid: 1800, tax: Math.round((1800 * 888) / 10_000) });
    expect(linePaid(order, plate!)).toEqual({ paid: 1500, tax: Math.round((1500 * 888) / 10_000) });
  });

  it('EU, prices hold the tax: nothing is added on top, the discount still comes off', () => {
    const order = orderOf(
      pricedDelivered({ included: true, rateBps: 1900, mug: 1190, plate: 595, mugDiscount: 200 }),
    );
    const [mug, plate] = order.lines;
    expect(linePaid(order, mug!)).toEqual({ paid: 2180, tax: 0 });
    expect(linePaid(order, plate!)).toEqual({ paid: 1785, tax: 0 });
  });

  it('an order placed before tax and discounts were recorded: its line total, no tax', () => {
    const order = orderOf([...historyFor.delivered]);
    for (const line of order.lines)
      expect(linePaid(order, line)).toEqual({ paid: line.lineTotal.amount, tax: 0 });
  });
});
