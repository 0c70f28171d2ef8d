import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../domain/decider.ts';
import { InvalidTransition } from '../../domain/errors.ts';
import { StockShortage } from '../../domain/inventory/errors.ts';
import { available, stockDecider } from '../../domain/inventory/index.ts';
import { EditPreviewStale, ExtraPaymentPending } from '../../domain/orders/errors.ts';
import { orderDecider, type OrderEdited } from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Order edits through the real handler: the new units are reserved in the edit's append (a
 * shortage refuses it and changes nothing), and the order is priced again through the pipeline.
 */
describe.each(['pglite', 'postgres'] as const)('editing an unshipped order on %s', (backend) => {
  let h: CommandHarness;
  let n = 0;

  beforeAll(async () => {
    h = await commandHarness(backend);
    const ctx = h.context();
    const admin = h.context({ id: 'admin-1', role: 'admin' });
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    for (const [productId, sku, price] of [
      ['p-mug', 'MUG', 1000],
      ['p-bowl', 'BOWL', 500],
    ] as const) {
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
          price: eur(price),
        },
        ctx,
      );
    }
    await h.handlers.receiveStock({ sku: 'MUG', location: 'berlin', quantity: 3, reference: null }, ctx);
    await h.handlers.receiveStock({ sku: 'BOWL', location: 'berlin', quantity: 2, reference: null }, ctx);
    // Tax added on top at 10 %, shipping flat 5 EUR and untaxed: an edit re-prices the tax.
    await h.handlers.setTaxRegion(
      {
        regionId: 'de',
        country: 'DE',
        region: null,
        pricesIncludeTax: false,
        ratesBps: { standard: 1000 },
        shippingTaxClass: null,
      },
      admin,
    );
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
          {
            methodId: 'de-express',
            name: 'Express',
            currency: 'EUR',
            rate: { kind: 'flat', amount: 1500 },
            freeOver: null,
            minDays: 1,
            maxDays: 1,
          },
        ],
      },
      admin,
    );
  });
  afterAll(() => h.dispose());

  const staff = (key?: string) => ({
    ...h.context({ id: 'staff-1', role: 'staff' }),
    ...(key ? { extra: { idempotencyKey: key } } : {}),
  });
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
  const stock = async (sku: string) =>
    available(replay(stockDecider, (await h.store.readStream(stockStream(sku, 'berlin'))) as never));
  const revision = async (orderId: string) => (await h.store.readStream(orderStream(orderId))).length;

  it('reserves the new units with the edit, re-prices tax and total, and a retry appends nothing more', async () => {
    const placed = await place(1);
    const { orderId } = placed.order;
    expect(placed.order.totals.total).toEqual(eur(1000 + 100 + 500));
    const lineId = placed.order.lines[0]!.lineId;
    const input = { orderId, add: [{ productId: 'p-bowl', quantity: 2 }], raise: [{ lineId, quantity: 1 }] };
    const result = await h.handlers.editOrder(input, staff(`k-${orderId}`));
    expect(result.events.map((e) => e.type)).toEqual(['OrderEdited']);
    const edited = result.events[0] as OrderEdited;
    expect(edited.data.before.total).toEqual(eur(1600));
    expect(edited.data.after).toMatchObject({
      subtotal: eur(3000),
      tax: eur(300),
      shipping: eur(500),
      total: eur(3800),
      shippingMethod: { methodId: 'de-standard' },
    });
    expect(edited.data.added).toMatchObject([
      { lineId: 'L2', sku: 'BOWL', quantity: 2, lineTotal: eur(1000) },
    ]);
    expect([await stock('MUG'), await stock('BOWL')]).toEqual([1, 0]);
    expect(await order(orderId)).toMatchObject({
      status: 'placed',
      totals: { total: eur(3800) },
      lines: [
        { lineId, quantity: 2, allocations: [{ location: 'berlin', quantity: 2 }] },
        { lineId: 'L2', quantity: 2 },
      ],
    });
    // The same request again answers what it did; nothing more is reserved.
    const again = await h.handlers.editOrder(input, { ...staff(`k-${orderId}`), resumed: true });
    expect(again.events.map((e) => e.type)).toEqual(['OrderEdited']);
    expect(again.revision).toBe(result.revision);
    expect([await stock('MUG'), await stock('BOWL')]).toEqual([1, 0]);
    // The payment that follows authorizes the new total.
    await h.handlers.recordManualPayment({ orderId, reference: 'bank-1', amount: eur(3800) }, h.context());
    expect(await order(orderId)).toMatchObject({ status: 'paid', payment: { captured: 3800 } });
  });

  it('changes the shipping address and method alone: nothing reserved, shipping and total re-priced', async () => {
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 1, reference: null },
      h.context(),
    );
    const placed = await place(1);
    const { orderId } = placed.order;
    const mugs = await stock('MUG');
    const moved = { ...berlinAddress, line1: 'Other St 2', postalCode: '10117' };
    const result = await h.handlers.editOrder(
      { orderId, add: [], raise: [], shippingAddress: moved, shippingMethodId: 'de-express' },
      staff(),
    );
    const edited = result.events[0] as OrderEdited;
    expect(edited.data).toMatchObject({
      shippingAddress: moved,
      reservations: [],
      after: {
        shipping: eur(1500),
        total: eur(1000 + 100 + 1500),
        shippingMethod: { methodId: 'de-express' },
      },
    });
    expect(await order(orderId)).toMatchObject({ shippingAddress: moved, totals: { total: eur(2600) } });
    expect(await stock('MUG')).toBe(mugs);
    // An unknown method is refused, naming it; nothing is appended.
    const before = await revision(orderId);
    await expect(
      h.handlers.editOrder({ orderId, add: [], raise: [], shippingMethodId: 'nope' }, staff()),
    ).rejects.toMatchObject({ code: 'shipping_method_unavailable' });
    expect(await revision(orderId)).toBe(before);
  });

  it('refuses a shortage with 409 and changes nothing', async () => {
    const placed = await place(1);
    const { orderId } = placed.order;
    const before = await revision(orderId);
    const [mugs, bowls] = [await stock('MUG'), await stock('BOWL')];
    await expect(
      h.handlers.editOrder(
        { orderId, add: [], raise: [{ lineId: placed.order.lines[0]!.lineId, quantity: mugs + 1 }] },
        staff(),
      ),
    ).rejects.toBeInstanceOf(StockShortage);
    await expect(
      h.handlers.editOrder(
        { orderId, add: [{ productId: 'p-bowl', quantity: bowls + 1 }], raise: [] },
        staff(),
      ),
    ).rejects.toBeInstanceOf(StockShortage);
    expect(await revision(orderId)).toBe(before);
    expect([await stock('MUG'), await stock('BOWL')]).toEqual([mugs, bowls]);
  });

  it('takes the difference of a paid order: an extra payment opened and recorded, a refund made once; refused after shipment', async () => {
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 3, reference: null },
      h.context(),
    );
    const placed = await place(1);
    const { orderId } = placed.order;
    const lineId = placed.order.lines[0]!.lineId;
    await h.handlers.recordManualPayment(
      { orderId, reference: 'bank-2', amount: placed.order.totals.total },
      h.context(),
    );
    const mugs = await stock('MUG');
    // Raised by one mug (1000 + 100 tax): 1100 owed, an extra payment opened through the port.
    const raise = { orderId, add: [], raise: [{ lineId, quantity: 1 }] };
    const raised = await h.handlers.editOrder(raise, staff(`raise-${orderId}`));
    expect(raised.events.map((e) => e.type)).toEqual(['OrderEdited', 'ExtraPaymentOpened']);
    expect((raised.events[0] as OrderEdited).data.payment).toEqual({
      kind: 'extra_payment',
      amount: eur(1100),
    });
    expect(await stock('MUG')).toBe(mugs - 1);
    // Owed, the order takes no other edit; the admin records the difference paid.
    await expect(
      h.handlers.editOrder({ orderId, add: [], raise: [], lower: [{ lineId, quantity: 1 }] }, staff()),
    ).rejects.toBeInstanceOf(ExtraPaymentPending);
    await h.handlers.recordManualPayment({ orderId, reference: 'bank-3', amount: eur(1100) }, h.context());
    expect(await order(orderId)).toMatchObject({
      status: 'paid',
      payment: { captured: 2700, refunded: 0, extra: null },
    });
    // Lowered again: the difference is refunded, keyed by the edit; a retry refunds nothing more.
    const lower = { orderId, add: [], raise: [], lower: [{ lineId, quantity: 1 }] };
    const lowered = await h.handlers.editOrder(lower, staff(`lower-${orderId}`));
    expect(lowered.events.map((e) => e.type)).toEqual(['OrderEdited', 'RefundIssued']);
    expect(lowered.events[1]).toMatchObject({ data: { amount: eur(1100) } });
    await h.handlers.editOrder(lower, { ...staff(`lower-${orderId}`), resumed: true });
    expect(await order(orderId)).toMatchObject({ payment: { captured: 2700, refunded: 1100 } });
    expect(await stock('MUG')).toBe(mugs);
    await h.handlers.shipOrder(
      {
        orderId,
        shipmentId: `s-${orderId}`,
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: `T-${orderId}`,
        lines: [{ lineId, quantity: 1 }],
      },
      h.context(),
    );
    await expect(h.handlers.editOrder(raise, staff())).rejects.toBeInstanceOf(InvalidTransition);
    expect(await stock('MUG')).toBe(mugs);
  });

  it('lowers and removes lines, releasing their stock in the same append', async () => {
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 3, reference: null },
      h.context(),
    );
    await h.handlers.receiveStock(
      { sku: 'BOWL', location: 'berlin', quantity: 1, reference: null },
      h.context(),
    );
    const placed = await place(2);
    const { orderId } = placed.order;
    const lineId = placed.order.lines[0]!.lineId;
    await h.handlers.editOrder({ orderId, add: [{ productId: 'p-bowl', quantity: 1 }], raise: [] }, staff());
    const [mugs, bowls] = [await stock('MUG'), await stock('BOWL')];
    const result = await h.handlers.editOrder(
      { orderId, add: [], raise: [], lower: [{ lineId, quantity: 1 }], remove: ['L2'] },
      staff(),
    );
    const edited = result.events[0] as OrderEdited;
    expect(edited.data.releases).toEqual([
      { lineId, sku: 'MUG', location: 'berlin', quantity: 1 },
      { lineId: 'L2', sku: 'BOWL', location: 'berlin', quantity: 1 },
    ]);
    expect(edited.data.after).toMatchObject({ subtotal: eur(1000), tax: eur(100), total: eur(1600) });
    expect([await stock('MUG'), await stock('BOWL')]).toEqual([mugs + 1, bowls + 1]);
    expect(await order(orderId)).toMatchObject({
      lines: [
        { lineId, quantity: 1 },
        { lineId: 'L2', quantity: 0, allocations: [] },
      ],
    });
  });

  it('previews an edit with nothing appended, confirms it with the preview tag, and refuses a stale one naming why', async () => {
    await h.handlers.receiveStock(
      { sku: 'MUG', location: 'berlin', quantity: 2, reference: null },
      h.context(),
    );
    const placed = await place(1);
    const { orderId } = placed.order;
    const lineId = placed.order.lines[0]!.lineId;
    const input = { orderId, add: [], raise: [{ lineId, quantity: 1 }] };
    const before = await revision(orderId);
    const mugs = await stock('MUG');
    const preview = await h.handlers.previewOrderEdit(input, staff());
    expect(preview).toMatchObject({
      revision: before - 1,
      before: { total: eur(1600) },
      after: { subtotal: eur(2000), tax: eur(200), total: eur(2700) },
      difference: eur(1100),
      payment: { kind: 'none' },
      reservations: [{ lineId, sku: 'MUG', location: 'berlin', quantity: 1 }],
    });
    expect(await revision(orderId)).toBe(before);
    expect(await stock('MUG')).toBe(mugs);
    // Another change than the one previewed.
    await expect(
      h.handlers.editOrder({ ...input, raise: [{ lineId, quantity: 2 }] }, staff(), preview.tag),
    ).rejects.toMatchObject({ code: 'edit_preview_stale', details: { reason: 'request_differs' } });
    // The same change priced differently since (a tax rate went up).
    await setTax(2000);
    await expect(h.handlers.editOrder(input, staff(), preview.tag)).rejects.toMatchObject({
      code: 'edit_preview_stale',
      details: { reason: 'totals_changed' },
    });
    await setTax(1000);
    const confirmed = await h.handlers.editOrder(input, staff(), preview.tag);
    expect(confirmed.events[0]).toMatchObject({ data: { after: preview.after } });
    // The order moved on: the old preview is stale.
    await expect(h.handlers.editOrder(input, staff(), preview.tag)).rejects.toBeInstanceOf(EditPreviewStale);
    await expect(h.handlers.editOrder(input, staff(), preview.tag)).rejects.toMatchObject({
      details: { reason: 'order_changed', previewedRevision: preview.revision },
    });
    expect(await stock('MUG')).toBe(mugs - 1);
  });

  const setTax = (rate: number) =>
    h.handlers.setTaxRegion(
      {
        regionId: 'de',
        country: 'DE',
        region: null,
        pricesIncludeTax: false,
        ratesBps: { standard: rate },
        shippingTaxClass: null,
      },
      h.context({ id: 'admin-1', role: 'admin' }),
    );
});
