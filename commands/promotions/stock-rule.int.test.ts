import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pricedTotals } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import { definition } from '../../domain/testing/promotion-fixtures.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { activePromotion } from '../../test-support/promotion-setup.ts';

/**
 * A clearance promotion (30 % off while a SKU holds more than 90 days of cover) through order
 * placement on PGlite: the days of cover come from the forecast recorded on the write side and the
 * stock streams, and the order that got the discount cites them; a SKU without a recorded forecast,
 * or one whose cover falls under the level, gets nothing.
 */
describe('a stock-level promotion at checkout (PGlite)', () => {
  let h: CommandHarness;
  const admin = () => h.context({ id: 'admin-1', role: 'admin' });

  beforeAll(async () => {
    h = await commandHarness('pglite', {
      promotions: { automaticPromotionIds: async () => ['clearance'], stockFacts: true },
    });
    await h.handlers.createLocation('berlin', 'Berlin', admin());
    for (const [productId, sku] of [
      ['p-mug', 'MUG'],
      ['p-pen', 'PEN'],
    ] as const)
      await h.handlers.createProduct(
        {
          productId,
          sku,
          name: sku,
          description: '',
          brand: 'Acme',
          category: 'kitchen',
          attributes: {},
          allowBackorder: false,
          price: { amount: 1000, currency: 'EUR' },
        },
        admin(),
      );
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 1000, reference: null },
      admin(),
    );
    await h.handlers.receiveStock(
      { sku: 'PEN', location: 'berlin', quantity: 1000, reference: null },
      admin(),
    );
    // 20 units over a 5-day lead time: 4 a day expected, so 1000 available is 250 days of cover.
    await h.handlers.recordForecast(
      {
        sku: 'MUG',
        location: 'berlin',
        leadTimeDemand: 20,
        safetyStock: 4,
        forecastErrorSd: 1.5,
        leadTimeDays: 5,
        serviceLevel: 0.95,
        reviewPeriodDays: 7,
        method: 'holt',
        demandClass: 'smooth',
        historyDays: 30,
        asOf: '2026-11-21T10:00:00.000Z',
      },
      h.context({ id: 'forecasting', role: 'system' }),
    );
    await activePromotion(
      h.handlers,
      admin(),
      'clearance',
      definition(
        { kind: 'items_percent', basisPoints: 3000 },
        { rules: { stock: { measure: 'days_of_cover', above: 90, below: null } } },
      ),
    );
  });
  afterAll(() => h.dispose());

  const place = (orderId: string, productId: string, quantity: number) =>
    h.handlers.placeOrder(
      {
        orderId,
        customerId: 'c-1',
        currency: 'EUR',
        lines: [{ productId, quantity }],
        shippingAddress: berlinAddress,
      },
      h.context({ id: 'c-1', role: 'customer' }),
    );

  it('discounts the SKU with high cover, and the order cites the stock it was decided on', async () => {
    const placed = await place('o-1', 'p-mug', 2);
    expect(pricedTotals(placed.order.totals).discounts).toEqual([
      expect.objectContaining({
        promotionId: 'clearance',
        amount: { amount: 600, currency: 'EUR' },
        evidence: [{ sku: 'MUG', onHand: 1000, daysOfCover: 250 }],
      }),
    ]);
    const [recorded] = await h.store.readStream(orderStream('o-1'));
    expect(recorded!.data).toMatchObject({
      totals: { discounts: [{ evidence: [{ sku: 'MUG', onHand: 1000, daysOfCover: 250 }] }] },
    });
  });

  it('gives nothing to a SKU without a recorded forecast, or once the cover falls under the level', async () => {
    const pen = await place('o-2', 'p-pen', 1);
    expect(pricedTotals(pen.order.totals).discounts).toEqual([]);
    // 998 available minus 640 reserved here leaves 358 / 4 = 89.5 days: under 90.
    const big = await place('o-3', 'p-mug', 640);
    expect(pricedTotals(big.order.totals).discounts).toHaveLength(1); // decided before it reserved
    const after = await place('o-4', 'p-mug', 1);
    expect(pricedTotals(after.order.totals).discounts).toEqual([]);
  });
});
