import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { shop, simpleOrder } from '../testing/shop.ts';
import { privacyStream } from '../../domain/streams.ts';
import { unknownTaxDetail } from '../../domain/orders/totals.ts';
import { ordersProjection } from './projection.ts';
import { customerOrders, orderDetail, type OrderKeyset } from './queries.ts';

const customer = { id: 'c1', role: 'customer' } as const;
const system = { id: 'stripe', role: 'system' } as const;
const staff = { id: 'staff-7', role: 'staff' } as const;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

function orders() {
  const s = shop();
  const lines = [
    { lineId: 'l1', sku: 'MUG', quantity: 2, unitPrice: 1000, location: 'berlin' },
    { lineId: 'l2', sku: 'PLATE', quantity: 1, unitPrice: 800, location: 'paris' },
  ];
  s.order(simpleOrder('o1', 'c1', lines), customer);
  s.order(
    { type: 'AuthorizePayment', data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(3300) } },
    system,
  );
  s.order({ type: 'CapturePayment', data: { orderId: 'o1', paymentRef: 'pi_1', amount: eur(3300) } }, system);
  const ship = (shipmentId: string, location: string, lineId: string, quantity: number) =>
    s.order(
      {
        type: 'CreateShipment',
        data: {
          orderId: 'o1',
          shipmentId,
          location,
          carrier: 'DHL',
          trackingNumber: `T-${shipmentId}`,
          lines: [{ lineId, quantity }],
        },
      },
      staff,
    );
  ship('s1', 'berlin', 'l1', 2);
  ship('s2', 'paris', 'l2', 1);
  s.order({ type: 'MarkDelivered', data: { orderId: 'o1' } }, staff);
  s.order(
    {
      type: 'IssueRefund',
      data: { orderId: 'o1', refundId: 'r1', amount: eur(800), reason: 'broken plate' },
    },
    staff,
  );
  s.log.advance(60_000);
  s.order(simpleOrder('o2', 'c1', [lines[0]!]), customer);
  s.order(
    { type: 'RecordPaymentFailure', data: { orderId: 'o2', paymentRef: 'pi_2', reason: 'card declined' } },
    system,
  );
  s.order(
    {
      type: 'CancelOrder',
      data: { orderId: 'o2', reason: 'payment_failed', note: null, now: '2026-01-05T10:00:00.000Z' },
    },
    system,
  );
  s.log.advance(60_000);
  s.order(simpleOrder('o3', 'c2', [lines[1]!]), { id: 'c2', role: 'customer' });
  return s.log.events;
}

describe.each(['pglite', 'postgres'] as const)('orders projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  it('projects status, totals, payments, refunds, shipments and lines of every order event', async () => {
    const events = orders();
    expect(new Set(events.map((e) => e.type)).size).toBe(8);
    const spec = await database.spec(ordersProjection());
    const tags = await spec.given(events, { batchSize: 5 });

    expect(await spec.rows('orders', ['order_id'])).toMatchObject([
      {
        order_id: 'o1',
        customer_id: 'c1',
        status: 'delivered',
        payment_status: 'partially_refunded',
        subtotal: 2800,
        shipping: 500,
        total: 3300,
        authorized_amount: 3300,
        captured_amount: 3300,
        refunded_amount: 800,
        payment_ref: 'pi_1',
        line_count: 2,
        item_count: 3,
        revision: 6,
      },
      {
        order_id: 'o2',
        status: 'cancelled',
        payment_status: 'failed',
        cancellation_reason: 'payment_failed',
      },
      { order_id: 'o3', customer_id: 'c2', status: 'placed', payment_status: 'pending' },
    ]);
    expect(await spec.rows('order_lines', ['order_id', 'line_no'])).toHaveLength(4);
    expect(await spec.rows('order_payments', ['order_id', 'revision'])).toMatchObject([
      { order_id: 'o1', kind: 'authorized', amount: 3300 },
      { order_id: 'o1', kind: 'captured', amount: 3300 },
      { order_id: 'o2', kind: 'failed', amount: null, reason: 'card declined', currency: 'EUR' },
    ]);
    expect(await spec.rows('order_refunds', ['refund_id'])).toMatchObject([
      { refund_id: 'r1', amount: 800, actor_id: 'staff-7', reason: 'broken plate' },
    ]);
    expect(await spec.rows('order_shipments', ['shipment_id'])).toMatchObject([
      {
        shipment_id: 's1',
        location: 'berlin',
        carrier: 'DHL',
        tracking_number: 'T-s1',
        lines: [{ lineId: 'l1', sku: 'MUG', quantity: 2 }],
      },
      { shipment_id: 's2', location: 'paris' },
    ]);
    expect(tags).toEqual(
      expect.arrayContaining([
        'order:o1',
        'order:o2',
        'order:o3',
        'customer-orders:c1',
        'customer-orders:c2',
      ]),
    );

    const detail = await spec.read((db) => orderDetail(db, 'o1'));
    expect(detail).toMatchObject({
      status: 'delivered',
      paymentStatus: 'partially_refunded',
      total: eur(3300),
      shippingAddress: { city: 'London' },
      payment: { reference: 'pi_1', captured: eur(3300), refunded: eur(800) },
      refunds: [{ refundId: 'r1', amount: eur(800), reason: 'broken plate', by: 'staff-7' }],
    });
    expect(detail?.lines.map((l) => [l.lineId, l.quantity, l.lineTotal])).toEqual([
      ['l1', 2, eur(2000)],
      ['l2', 1, eur(800)],
    ]);
    expect(detail?.shipments.map((s) => [s.shipmentId, s.lines])).toEqual([
      ['s1', [{ lineId: 'l1', sku: 'MUG', quantity: 2 }]],
      ['s2', [{ lineId: 'l2', sku: 'PLATE', quantity: 1 }]],
    ]);
    expect(await spec.read((db) => orderDetail(db, 'nope'))).toBeNull();
  });

  it('builds a timeline: what happened, when, by whom', async () => {
    const spec = await database.spec(ordersProjection());
    await spec.given(orders());
    const timeline = (await spec.read((db) => orderDetail(db, 'o1')))!.timeline;
    expect(timeline.map((t) => [t.type, t.by.id, t.summary])).toEqual([
      ['OrderPlaced', 'c1', 'Order placed: 3 items, total 33.00 EUR'],
      ['PaymentAuthorized', 'stripe', 'Payment of 33.00 EUR authorized'],
      ['PaymentCaptured', 'stripe', 'Payment of 33.00 EUR captured'],
      ['ShipmentCreated', 'staff-7', 'Shipped 2 items from berlin via DHL (T-s1)'],
      ['ShipmentCreated', 'staff-7', 'Shipped 1 item from paris via DHL (T-s2)'],
      ['OrderDelivered', 'staff-7', 'Order delivered'],
      ['RefundIssued', 'staff-7', 'Refund of 8.00 EUR issued: broken plate'],
    ]);
    expect(timeline[0]?.at).toBe('2026-01-05T09:00:00.000Z');
  });

  it('rewrites the lines, totals and address of an edited order, tells the edit on the timeline, erases the address', async () => {
    const s = shop();
    const moved = {
      name: 'Ada King',
      line1: '2 Difference Road',
      line2: null,
      city: 'Leeds',
      postalCode: 'LS1 1AA',
      region: null,
      country: 'GB',
    };
    s.order(
      simpleOrder('o9', 'c1', [
        { lineId: 'l1', sku: 'MUG', quantity: 1, unitPrice: 1000, location: 'berlin' },
      ]),
      customer,
    );
    const pricing = {
      discounts: [],
      discountTotal: eur(0),
      shipping: eur(700),
      tax: eur(0),
      taxDetail: unknownTaxDetail('EUR'),
      shippingMethod: null,
    };
    s.order(
      {
        type: 'EditOrder',
        data: {
          orderId: 'o9',
          add: [
            {
              lineId: 'L2',
              sku: 'PLATE',
              quantity: 2,
              unitPrice: eur(800),
              allocations: [{ location: 'paris', quantity: 2 }],
            },
          ],
          raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'paris', quantity: 1 }] }],
          shippingAddress: { ...moved },
          pricing,
        },
      },
      staff,
    );
    const spec = await database.spec(ordersProjection());
    await spec.given(s.log.events, { batchSize: 1 });
    expect(await spec.rows('orders', ['order_id'])).toMatchObject([
      {
        order_id: 'o9',
        subtotal: 3600,
        shipping: 700,
        total: 4300,
        line_count: 2,
        item_count: 4,
        revision: 1,
      },
    ]);
    const detail = (await spec.read((db) => orderDetail(db, 'o9')))!;
    expect(detail.lines.map((l) => [l.lineId, l.quantity, l.lineTotal])).toEqual([
      ['l1', 2, eur(2000)],
      ['L2', 2, eur(1600)],
    ]);
    expect(detail.timeline.map((t) => [t.type, t.by.id, t.summary])).toEqual([
      ['OrderPlaced', 'c1', 'Order placed: 1 item, total 15.00 EUR'],
      ['OrderEdited', 'staff-7', 'Order edited: 3 items added (L2, l1), total 15.00 EUR → 43.00 EUR'],
    ]);
    expect(detail.shippingAddress).toEqual(moved);

    s.log.record(
      'privacy-c1',
      { type: 'CustomerErased', data: { customerId: 'c1', orderIds: ['o9'], reason: null } },
      { actor: { id: 'admin-1', role: 'admin' } },
    );
    await spec.given(s.log.events.slice(-1));
    const erased = (await spec.read((db) => orderDetail(db, 'o9')))!;
    expect(erased.shippingAddress).toMatchObject({ name: '[erased]', line1: '[erased]', country: 'GB' });
    const timeline = await spec.rows('order_timeline', ['event_id']);
    const editRow = timeline.find((row) => row.event_type === 'OrderEdited') as {
      data: { shippingAddress: object };
    };
    expect(editRow.data.shippingAddress).toMatchObject({ name: '[erased]', city: '[erased]', country: 'GB' });
  });

  it('shows an edit that takes units off and the extra payment an edit owes, with its rows', async () => {
    const s = shop();
    s.order(
      simpleOrder('o7', 'c1', [
        { lineId: 'l1', sku: 'MUG', quantity: 2, unitPrice: 1000, location: 'berlin' },
      ]),
      customer,
    );
    s.order(
      { type: 'AuthorizePayment', data: { orderId: 'o7', paymentRef: 'pi_7', amount: eur(2500) } },
      system,
    );
    const pricing = {
      discounts: [],
      discountTotal: eur(0),
      shipping: eur(500),
      tax: eur(0),
      taxDetail: unknownTaxDetail('EUR'),
      shippingMethod: null,
    };
    const edit = (data: object) => ({
      type: 'EditOrder' as const,
      data: { orderId: 'o7', add: [], raise: [], shippingAddress: null, pricing, ...data },
    });
    s.order(
      edit({ raise: [{ lineId: 'l1', quantity: 1, allocations: [{ location: 'berlin', quantity: 1 }] }] }),
      staff,
    );
    const extra = { orderId: 'o7', paymentRef: 'pi_7x', amount: eur(1000) };
    s.order({ type: 'OpenExtraPayment', data: extra }, staff);
    s.order({ type: 'CaptureExtraPayment', data: extra }, system);
    s.order(edit({ lower: [{ lineId: 'l1', quantity: 2 }] }), staff);
    const spec = await database.spec(ordersProjection());
    await spec.given(s.log.events, { batchSize: 2 });
    const detail = (await spec.read((db) => orderDetail(db, 'o7')))!;
    expect(detail.lines.map((l) => [l.lineId, l.quantity, l.lineTotal])).toEqual([['l1', 1, eur(1000)]]);
    expect(detail.timeline.map((t) => t.summary).slice(2)).toEqual([
      'Order edited: 1 item added (l1), total 25.00 EUR → 35.00 EUR',
      'Extra payment of 10.00 EUR opened for the edit',
      'Extra payment of 10.00 EUR captured',
      'Order edited: 2 items removed (l1), total 35.00 EUR → 15.00 EUR',
    ]);
    expect(await spec.rows('order_payments', ['order_id', 'revision'])).toMatchObject([
      { order_id: 'o7', kind: 'authorized', amount: 2500 },
      { order_id: 'o7', kind: 'attempt', payment_ref: 'pi_7x', amount: 1000 },
      { order_id: 'o7', kind: 'captured', payment_ref: 'pi_7x', amount: 1000 },
    ]);
  });

  it('keeps a cancellation note out of the timeline summary, and erases it with the customer', async () => {
    const s = shop();
    s.order(
      simpleOrder('o8', 'c1', [
        { lineId: 'l1', sku: 'MUG', quantity: 1, unitPrice: 1000, location: 'berlin' },
      ]),
      customer,
    );
    s.order(
      {
        type: 'CancelOrder',
        data: { orderId: 'o8', reason: 'requested', note: 'moving to Rome', now: '2026-01-05T10:00:00.000Z' },
      },
      customer,
    );
    const spec = await database.spec(ordersProjection());
    await spec.given(s.log.events);
    const detail = (await spec.read((db) => orderDetail(db, 'o8')))!;
    expect(detail.cancellation).toEqual({ reason: 'requested', note: 'moving to Rome' });
    expect(detail.timeline.map((t) => t.summary)).toContain('Order cancelled (requested)');

    s.log.record(
      'privacy-c1',
      { type: 'CustomerErased', data: { customerId: 'c1', orderIds: ['o8'], reason: null } },
      { actor: { id: 'admin-1', role: 'admin' } },
    );
    await spec.given(s.log.events.slice(-1));
    const erased = (await spec.read((db) => orderDetail(db, 'o8')))!;
    expect(erased.cancellation).toEqual({ reason: 'requested', note: '[erased]' });
    const rows = (await spec.rows('orders', ['order_id'])) as { state: { cancellation: { note: string } } }[];
    expect(rows[0]!.state.cancellation.note).toBe('[erased]');
    const timeline = (await spec.rows('order_timeline', ['event_id'])) as {
      event_type: string;
      data: { note: string };
    }[];
    expect(timeline.find((row) => row.event_type === 'OrderCancelled')!.data.note).toBe('[erased]');
  });

  it("lists a customer's orders newest first, keyset-paged", async () => {
    const spec = await database.spec(ordersProjection());
    await spec.given(orders(), { batchSize: 1 });
    const page = (customerId: string, limit: number, after?: OrderKeyset) =>
      spec.read((db) => customerOrders(db, { customerId, limit, after }));
    const first = await page('c1', 1);
    expect(first.items.map((o) => o.orderId)).toEqual(['o2']);
    const next = await page('c1', 5, first.next!);
    expect(next.items.map((o) => o.orderId)).toEqual(['o1']);
    expect(next.next).toBeNull();
    expect((await page('c2', 20)).items.map((o) => o.orderId)).toEqual(['o3']);
  });

  it('erases the label URL and the carrier’s words in the timeline with the rest of the erased customer’s data', async () => {
    const s = shop();
    const line = { lineId: 'l1', sku: 'MUG', quantity: 1, unitPrice: 1000, location: 'berlin' };
    s.order(simpleOrder('o9', 'c9', [line]), { id: 'c9', role: 'customer' });
    s.order(
      { type: 'AuthorizePayment', data: { orderId: 'o9', paymentRef: 'pi_9', amount: eur(1500) } },
      system,
    );
    const label = {
      provider: 'easypost',
      providerShipmentId: 'shp_9',
      service: 'Ground',
      labelUrl: 'https://labels.example/o9.pdf',
      cost: eur(500),
    };
    s.order(
      {
        type: 'CreateShipment',
        data: {
          orderId: 'o9',
          shipmentId: 's9',
          location: 'berlin',
          carrier: 'USPS',
          trackingNumber: 'T-9',
          lines: [{ lineId: 'l1', quantity: 1 }],
          label,
        },
      },
      staff,
    );
    s.order(
      {
        type: 'RecordTracking',
        data: {
          orderId: 'o9',
          shipmentId: 's9',
          status: 'delivered',
          at: '2026-01-06T10:00:00.000Z',
          detail: 'Signed by J SMITH',
          trackingEventId: 'evt_9',
        },
      },
      system,
    );
    s.log.record(privacyStream('c9'), {
      type: 'CustomerErased',
      data: { customerId: 'c9', orderIds: ['o9'], reason: 'request' },
    });
    const spec = await database.spec(ordersProjection());
    await spec.given(s.log.events);
    // The timeline keeps each event's data (not answered by the API, but stored).
    const timeline = await spec.rows('order_timeline', ['revision']);
    const data = (type: string) => timeline.find((row) => row.event_type === type)?.data;
    expect(data('ShipmentLabelBought')).toMatchObject({ customerId: 'c9', labelUrl: '[erased]' });
    expect(data('ShipmentTracked')).toMatchObject({ detail: '[erased]' });
    expect(data('OrderPlaced')).toMatchObject({ shippingAddress: { name: '[erased]' } });
  });

  it('shows the units of each line still backordered, as the stock streams record and fill them', async () => {
    const s = shop();
    const at = { sku: 'MUG', location: 'berlin' } as const;
    const reserve = (orderId: string, quantity: number) =>
      s.stock({
        type: 'ReserveStock',
        data: { ...at, orderId, quantity, expiresAt: '2026-02-01T00:00:00.000Z', allowBackorder: true },
      });
    const mugs = (orderId: string, quantity: number) =>
      simpleOrder(orderId, 'c1', [
        { lineId: 'l1', sku: 'MUG', quantity, unitPrice: 1000, location: 'berlin' },
      ]);
    // As a placement appends them: the stock stream's reservation (a backorder) before the order.
    reserve('b1', 3);
    s.order(mugs('b1', 3), customer);
    reserve('b2', 2);
    s.order(mugs('b2', 2), customer);
    s.receive('MUG', 'berlin', 4); // fills b1's 3, then 1 of b2's 2
    const spec = await database.spec(ordersProjection());
    // One event a batch: the backorder comes before its order, and its fill in a later batch.
    const tags = await spec.given(s.log.events, { batchSize: 1 });
    const lines = async (orderId: string) =>
      (await spec.read((db) => orderDetail(db, orderId)))!.lines.map((l) => [l.lineId, l.backordered]);
    expect(await lines('b1')).toEqual([['l1', 0]]);
    expect(await lines('b2')).toEqual([['l1', 1]]);
    expect(tags).toEqual(expect.arrayContaining(['order:b1', 'order:b2']));
    expect(await spec.rows('order_backorders', ['order_id'])).toEqual([
      { order_id: 'b1', sku: 'MUG', location: 'berlin', backordered: 0 },
      { order_id: 'b2', sku: 'MUG', location: 'berlin', backordered: 1 },
    ]);
  });
});
