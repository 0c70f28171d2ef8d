import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../domain/decider.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { orderDecider } from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';

/**
 * Partial cancellation through the real handler: the units' reservations are released in the
 * cancellation's append (and can be sold at once), and what was paid for them comes back.
 */
describe.each(['pglite', 'postgres'] as const)('cancelling some units of an order on %s', (backend) => {
  let h: CommandHarness;
  let n = 0;

  beforeAll(async () => {
    h = await commandHarness(backend);
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: false,
        price: { amount: 1000, currency: 'EUR' },
      },
      ctx,
    );
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 4, reference: null }, ctx);
    // Shipping at a flat 5 EUR, which a partial cancellation leaves as it is.
    await h.handlers.setShippingZone(
      {
        zoneId: 'de',
        name: 'Germany',
        countries: ['DE'],
        regions: [],
        postalPrefixes: [],
        methods: [
          {
            methodId: 'de-standard',
            name: 'Standard',
            currency: 'EUR',
            rate: { kind: 'flat', amount: 500 },
            freeOver: null,
            minDays: 1,
            maxDays: 3,
          },
        ],
      },
      h.context({ id: 'admin-1', role: 'admin' }),
    );
  });
  afterAll(() => h.dispose());

  const place = (quantity: number) =>
    h.handlers.placeOrder(
      {
        orderId: `o-${backend}-${++n}`,
        customerId: 'c-1',
        currency: 'EUR',
        lines: [{ productId: 'p-mug', quantity }],
        shippingAddress: berlinAddress,
        shippingMethodId: 'de-standard',
      },
      h.context({ id: 'c-1', role: 'customer' }),
    );
  const order = async (orderId: string) =>
    replay(orderDecider, (await h.store.readStream(orderStream(orderId))) as never);
  const mugs = async () =>
    available(replay(stockDecider, (await h.store.readStream(stockStream('MUG', 'berlin'))) as never));

  it('releases the units at once and refunds what was paid for them, once', async () => {
    const placed = await place(4);
    const { orderId } = placed.order;
    expect(await mugs()).toBe(0);
    await h.handlers.recordManualPayment(
      { orderId, reference: 'bank-1', amount: placed.order.totals.total },
      h.context(),
    );
    const lineId = placed.order.lines[0]!.lineId;
    const context = {
      ...h.context({ id: 'c-1', role: 'customer' }),
      extra: { idempotencyKey: `k-${orderId}` },
    };
    const result = await h.handlers.cancelOrderLines({ orderId, lines: [{ lineId, quantity: 3 }] }, context);
    expect(result.events.map((event) => event.type)).toEqual(['OrderLinesCancelled', 'RefundIssued']);
    expect(await mugs()).toBe(3);
    const after = await order(orderId);
    expect(after).toMatchObject({
      status: 'paid',
      totals: { subtotal: { amount: 1000 }, shipping: { amount: 500 }, total: { amount: 1500 } },
      payment: { captured: 4500, refunded: 3000 },
    });
    // The freed units sell at once.
    await place(3);
    expect(await mugs()).toBe(0);
    // The same request again (its Idempotency-Key) answers what it did, and refunds nothing more.
    const again = await h.handlers.cancelOrderLines(
      { orderId, lines: [{ lineId, quantity: 3 }] },
      { ...context, resumed: true },
    );
    expect(again.events.map((event) => event.type)).toEqual(['OrderLinesCancelled', 'RefundIssued']);
    expect(await order(orderId)).toMatchObject({ payment: { refunded: 3000 }, lines: [{ quantity: 1 }] });
  });

  it('refunds nothing for an unpaid order, and refuses after shipment', async () => {
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 4, reference: null },
      h.context(),
    );
    const placed = await place(2);
    const { orderId } = placed.order;
    const lineId = placed.order.lines[0]!.lineId;
    const result = await h.handlers.cancelOrderLines(
      { orderId, lines: [{ lineId, quantity: 1 }] },
      h.context({ id: 'c-1', role: 'customer' }),
    );
    expect(result.events.map((event) => event.type)).toEqual(['OrderLinesCancelled']);
    expect(await order(orderId)).toMatchObject({
      totals: { total: { amount: 1500 } },
      payment: { refunded: 0 },
    });
    // A payment now is for the new total.
    await h.handlers.recordManualPayment(
      { orderId, reference: 'bank-2', amount: { amount: 1500, currency: 'EUR' } },
      h.context(),
    );
    await h.handlers.shipOrder(
      {
        orderId,
        shipmentId: `s-${orderId}`,
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: 'T',
        lines: [{ lineId, quantity: 1 }],
      },
      h.context(),
    );
    await expect(
      h.handlers.cancelOrderLines({ orderId, lines: [{ lineId, quantity: 1 }] }, h.context()),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
