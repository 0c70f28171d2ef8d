import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExists } from '../../domain/errors.ts';
import { RefundExceedsCaptured } from '../../domain/orders/errors.ts';
import { StockShortage } from '../../domain/inventory/errors.ts';
import { available, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { orderDecider, type OrderState } from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { replay } from '../../domain/decider.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';
import { createExpiryScheduler } from './expiry-scheduler.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { eventually } from '../../infra/event-store/conformance/fixtures.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { commandRuntime } from '../../ops/compose/command-runtime.ts';
import { createCommandHandlers } from '../command-handlers.ts';
import { defaultOrderSettings } from './order-deps.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe.each(['pglite', 'postgres'] as const)('order flows on %s', (backend) => {
  let h: CommandHarness;

  async function stock(sku: string, location: string): Promise<StockState> {
    const events = await h.store.readStream(stockStream(sku, location));
    return replay(stockDecider, events as never);
  }
  async function order(orderId: string): Promise<OrderState> {
    return replay(orderDecider, (await h.store.readStream(orderStream(orderId))) as never);
  }
  const place = (orderId: string, lines: { productId: string; quantity: number }[], customerId = 'c1') =>
    h.handlers.placeOrder(
      { orderId, customerId, currency: 'EUR', lines, shippingAddress: berlinAddress },
      h.context(),
    );

  beforeAll(async () => {
    h = await commandHarness(backend);
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createLocation('hamburg', 'Hamburg', ctx);
    const details = {
      description: '',
      brand: 'Acme',
      category: 'tools',
      attributes: {},
      allowBackorder: false,
    };
    await h.handlers.createProduct(
      { productId: 'p1', sku: 'A', name: 'Hammer', price: eur(1299), ...details },
      ctx,
    );
    await h.handlers.createProduct(
      { productId: 'p2', sku: 'B', name: 'Saw', price: eur(2500), ...details },
      ctx,
    );
    await h.handlers.receiveStock({ sku: 'A', location: 'berlin', quantity: 5, reference: null }, ctx);
    await h.handlers.receiveStock({ sku: 'A', location: 'hamburg', quantity: 3, reference: null }, ctx);
    await h.handlers.receiveStock({ sku: 'B', location: 'berlin', quantity: 1, reference: null }, ctx);
  });
  afterAll(() => h.dispose());

  it('places an order from the one location that can ship it all, at catalog prices', async () => {
    const placed = await place('o1', [
      { productId: 'p1', quantity: 2 },
      { productId: 'p2', quantity: 1 },
    ]);
    expect(placed.order.lines.map((l) => [l.sku, l.unitPrice.amount, l.allocations])).toEqual([
      ['A', 1299, [{ location: 'berlin', quantity: 2 }]],
      ['B', 2500, [{ location: 'berlin', quantity: 1 }]],
    ]);
    expect(placed.order.totals.total).toEqual(eur(2 * 1299 + 2500));
    expect(available(await stock('A', 'berlin'))).toBe(3);
    expect(available(await stock('B', 'berlin'))).toBe(0);
  });

  it('splits across locations when no single one can ship the whole order', async () => {
    const placed = await place('o2', [{ productId: 'p1', quantity: 5 }]);
    expect(placed.order.lines[0]!.allocations).toEqual(
      expect.arrayContaining([
        { location: 'berlin', quantity: expect.any(Number) },
        { location: 'hamburg', quantity: expect.any(Number) },
      ]),
    );
    expect(available(await stock('A', 'berlin')) + available(await stock('A', 'hamburg'))).toBe(1);
  });

  it('refuses a shortage naming each short SKU with what is available, and reserves nothing', async () => {
    const before = await h.store.streamRevision(stockStream('A', 'hamburg'));
    const attempt = place('o3', [
      { productId: 'p1', quantity: 1 },
      { productId: 'p2', quantity: 1 },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(StockShortage);
    await expect(attempt).rejects.toMatchObject({
      details: { shortages: [{ sku: 'B', requested: 1, available: 0 }] },
    });
    expect(await h.store.streamRevision(stockStream('A', 'hamburg'))).toBe(before);
    expect(await h.store.readStream(orderStream('o3'))).toEqual([]);
  });

  it('refuses an order id placed before, also in a process whose cache never saw it', async () => {
    const before = await h.store.streamRevision(stockStream('A', 'berlin'));
    const lines = [{ productId: 'p1', quantity: 1 }];
    await expect(place('o1', lines)).rejects.toBeInstanceOf(AlreadyExists);
    // Another process: it assumes the new order's stream is empty, its append conflicts, it reads and refuses.
    const elsewhere = createCommandHandlers({
      runtime: commandRuntime(h.store),
      locations: h.locations,
      payments: createManualPayments(),
      clock: h.clock,
      settings: defaultOrderSettings,
    });
    await expect(
      elsewhere.placeOrder(
        { orderId: 'o1', customerId: 'c1', currency: 'EUR', lines, shippingAddress: berlinAddress },
        h.context(),
      ),
    ).rejects.toBeInstanceOf(AlreadyExists);
    expect(await h.store.streamRevision(stockStream('A', 'berlin'))).toBe(before);
    expect((await h.store.readStream(orderStream('o1'))).map((e) => e.type)).toEqual(['OrderPlaced']);
  });

  it('cancels before shipment and releases every reservation', async () => {
    await h.handlers.cancelOrder({ orderId: 'o1', reason: 'requested', note: 'changed mind' }, h.context());
    expect((await order('o1')).status).toBe('cancelled');
    expect(available(await stock('B', 'berlin'))).toBe(1);
  });

  it('takes a manual payment, ships from each location, delivers, refunds within what was captured', async () => {
    await h.handlers.recordManualPayment(
      { orderId: 'o2', reference: 'bank-123', amount: eur(5 * 1299) },
      h.context(),
    );
    const placed = await order('o2');
    if (placed.status === 'none') throw new Error('o2 missing');
    for (const allocation of placed.lines[0]!.allocations) {
      await h.handlers.shipOrder(
        {
          orderId: 'o2',
          shipmentId: `s-${allocation.location}`,
          location: allocation.location,
          carrier: 'DHL',
          trackingNumber: `T-${allocation.location}`,
          lines: [{ lineId: 'L1', quantity: allocation.quantity }],
        },
        h.context(),
      );
    }
    expect((await order('o2')).status).toBe('shipped');
    const berlin = await stock('A', 'berlin');
    expect(berlin.status === 'tracked' && berlin.reserved).toBe(0);
    await h.handlers.deliverOrder('o2', h.context());
    await h.handlers.refundOrder({ orderId: 'o2', amount: eur(1000), reason: 'scratched' }, h.context());
    await expect(
      h.handlers.refundOrder({ orderId: 'o2', amount: eur(5 * 1299), reason: 'too much' }, h.context()),
    ).rejects.toBeInstanceOf(RefundExceedsCaptured);
    const final = await order('o2');
    expect(final.status !== 'none' && final.payment.refunded).toBe(1000);
  });

  it('cancels an unpaid order once its reservation expires, releasing its stock, even after a restart', async () => {
    await place('o4', [{ productId: 'p2', quantity: 1 }]);
    expect(available(await stock('B', 'berlin'))).toBe(0);
    const scheduler = () =>
      createExpiryScheduler({
        store: h.store,
        clock: h.clock,
        ids: uuidV7Ids,
        expire: (orderId, context) =>
          h.handlers.cancelOrder({ orderId, reason: 'expired', note: null }, context),
        intervalMs: 60_000,
      });
    const first = scheduler();
    await first.start();
    expect(await first.runDue()).toEqual([]); // not due yet
    await first.stop();

    h.clock.advance(16 * 60_000);
    // The global log shows an append once every older transaction in the cluster has ended (other
    // databases' work too), and the restarted scheduler rebuilds its schedule from that log.
    await eventually(
      () =>
        h.store.readAll({ from: 'start', filter: { categories: ['order'], eventTypes: ['OrderPlaced'] } }),
      (events) => events.some((event) => event.data.orderId === 'o4'),
    );
    const restarted = scheduler(); // a new process: its schedule comes from the events alone
    await restarted.start();
    expect([...restarted.pending().keys()]).toContain('o4');
    expect(await restarted.runDue()).toContain('o4');
    await restarted.stop();
    expect((await order('o4')).status).toBe('cancelled');
    expect(available(await stock('B', 'berlin'))).toBe(1);
  });
});
