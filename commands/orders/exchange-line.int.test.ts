import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../domain/decider.ts';
import { orderDecider, type LineExchanged } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { productInput } from '../../test-support/product-input.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const texas = { ...berlinAddress, city: 'Austin', postalCode: '78701', region: 'TX', country: 'US' };

/**
 * The exchange handler prices the replacement's tax as a placement does (the price pipeline through
 * the tax port, at the order's address), so the difference is what the customer pays on top of
 * what the returned unit cost them, tax included.
 */
describe.each(['pglite', 'postgres'] as const)('an exchange taxed like its placement on %s', (backend) => {
  let h: CommandHarness;

  beforeAll(async () => {
    h = await commandHarness(backend);
    const ctx = h.context();
    await h.handlers.createLocation('austin', 'Austin', ctx);
    await h.handlers.createProduct(productInput('p-mug', { sku: 'MUG', price: usd(1000) }), ctx);
    await h.handlers.createProduct(productInput('p-bowl', { sku: 'BOWL', price: usd(1300) }), ctx);
    for (const sku of ['MUG', 'BOWL'])
      await h.handlers.receiveStock({ sku, location: 'austin', quantity: 5, reference: null }, ctx);
    await h.handlers.setTaxRegion(
      {
        regionId: 'us-tx',
        country: 'US',
        region: 'TX',
        pricesIncludeTax: false,
        ratesBps: { standard: 1000 },
        shippingTaxClass: null,
      },
      ctx,
    );
  });
  afterAll(() => h?.dispose());

  it('charges the bowl with its tax less the mug as paid with its tax (tax on top)', async () => {
    const orderId = `o-${backend}`;
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId: 'c1',
        currency: 'USD',
        lines: [{ productId: 'p-mug', quantity: 2 }],
        shippingAddress: texas,
      },
      h.context({ id: 'c1', role: 'customer' }),
    );
    expect(placed.order.totals.total).toEqual(usd(2200));
    await h.handlers.recordManualPayment({ orderId, reference: 'bank-1', amount: usd(2200) }, h.context());
    const lineId = placed.order.lines[0]!.lineId;
    await h.handlers.shipOrder(
      {
        orderId,
        shipmentId: 's1',
        location: 'austin',
        carrier: 'UPS',
        trackingNumber: 'T1',
        lines: [{ lineId, quantity: 2 }],
      },
      h.context(),
    );
    await h.handlers.deliverOrder(orderId, h.context());

    const answer = await h.handlers.exchangeLine(
      { orderId, exchangeId: 'x1', lineId, quantity: 1, productId: 'p-bowl', reason: 'too small' },
      h.context(),
    );
    // 13.00 + 1.30 tax for the bowl, 10.00 + 1.00 tax paid for the mug.
    expect(answer.difference).toEqual(usd(330));
    const exchanged = answer.events.find((e) => e.type === 'LineExchanged') as unknown as LineExchanged;
    expect(exchanged.data).toMatchObject({
      returned: { amount: usd(1000), discounts: [], tax: usd(100) },
      replacementTax: { taxClass: 'standard', rateBps: 1000, tax: usd(130) },
      difference: usd(330),
    });
    const order = replay(orderDecider, (await h.store.readStream(orderStream(orderId))) as never);
    expect(order).toMatchObject({
      totals: { subtotal: usd(2300), tax: usd(230), total: usd(2530), taxDetail: { total: usd(230) } },
    });
  });
});
