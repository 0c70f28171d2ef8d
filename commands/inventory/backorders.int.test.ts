import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../domain/decider.ts';
import { ReservationExceeded } from '../../domain/inventory/errors.ts';
import { holdsByOrder, stockDecider, type StockState } from '../../domain/inventory/index.ts';
import { stockStream } from '../../domain/streams.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../../test-support/command-harness.ts';

/**
 * Backorders that ship, through the real handlers: a receipt, a transfer in and a restocked return
 * each fill the waiting backorders first in first out in their own append; a filled line ships, a
 * line still backordered does not; a cancelled or expired backorder gives up its place in the queue.
 */
describe.each(['pglite', 'postgres'] as const)('backorders that ship on %s', (backend) => {
  let h: CommandHarness;
  let n = 0;

  const mugs = async (): Promise<StockState> =>
    replay(stockDecider, (await h.store.readStream(stockStream('MUG', 'berlin'))) as never);
  const waiting = async () => {
    const state = await mugs();
    return state.status === 'tracked' ? state.backorderQueue : [];
  };
  const fills = (events: readonly { type: string; data: unknown }[]) =>
    events
      .filter((event) => event.type === 'BackorderFilled')
      .map((event) => {
        const { orderId, quantity } = event.data as { orderId: string; quantity: number };
        return [orderId, quantity];
      });
  const place = async (quantity: number, pay = true) => {
    const orderId = `o-${backend}-${++n}`;
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId: 'c-1',
        currency: 'EUR',
        lines: [{ productId: 'p-mug', quantity }],
        shippingAddress: berlinAddress,
      },
      h.context({ id: 'c-1', role: 'customer' }),
    );
    const line = placed.order.lines[0]!;
    if (!pay) return { orderId, lineId: line.lineId };
    await h.handlers.recordManualPayment(
      { orderId, reference: `bank-${orderId}`, amount: placed.order.totals.total },
      h.context(),
    );
    return { orderId, lineId: line.lineId };
  };
  const ship = (order: { orderId: string; lineId: string }, quantity: number) =>
    h.handlers.shipOrder(
      {
        orderId: order.orderId,
        shipmentId: `s-${order.orderId}-${++n}`,
        location: 'berlin',
        carrier: 'DHL',
        trackingNumber: 'T1',
        lines: [{ lineId: order.lineId, quantity }],
      },
      h.context(),
    );
  const receive = (location: string, quantity: number) =>
    h.handlers.receiveStock({ sku: 'MUG', location, quantity, reference: null }, h.context());

  beforeAll(async () => {
    h = await commandHarness(backend);
    const ctx = h.context();
    await h.handlers.createLocation('berlin', 'Berlin', ctx);
    await h.handlers.createLocation('zurich', 'Zurich', ctx);
    await h.handlers.createProduct(
      {
        productId: 'p-mug',
        sku: 'MUG',
        name: 'Mug',
        description: '',
        brand: 'Acme',
        category: 'kitchen',
        attributes: {},
        allowBackorder: true,
        price: { amount: 1000, currency: 'EUR' },
      },
      ctx,
    );
  });
  afterAll(() => h.dispose());

  let second: { orderId: string; lineId: string };

  it('refuses to ship a backordered line, fills it from a receipt first in first out, then ships it', async () => {
    const first = await place(2);
    second = await place(3);
    expect(await waiting()).toEqual([
      { orderId: first.orderId, quantity: 2 },
      { orderId: second.orderId, quantity: 3 },
    ]);
    // Paid, but nothing is reserved for it yet: the stock stream refuses the shipment, nothing appended.
    const before = await h.store.streamRevision(stockStream('MUG', 'berlin'));
    await expect(ship(first, 2)).rejects.toBeInstanceOf(ReservationExceeded);
    expect(await h.store.streamRevision(stockStream('MUG', 'berlin'))).toBe(before);

    const received = await receive('berlin', 4);
    expect(received.events.map((event) => event.type)).toEqual([
      'StockReceived',
      'BackorderFilled',
      'BackorderFilled',
    ]);
    expect(fills(received.events)).toEqual([
      [first.orderId, 2],
      [second.orderId, 2],
    ]);
    expect(holdsByOrder(await mugs())).toMatchObject({
      [first.orderId]: { reserved: 2, backordered: 0 },
      [second.orderId]: { reserved: 2, backordered: 1 },
    });
    // The first order is whole: it ships. The second may not ship the unit still waiting.
    await ship(first, 2);
    await expect(ship(second, 3)).rejects.toBeInstanceOf(ReservationExceeded);
    expect(await waiting()).toEqual([{ orderId: second.orderId, quantity: 1 }]);
  });

  it('a cancelled backorder gives up its place: the next arrival skips it', async () => {
    const cancelled = await place(2);
    const trimmed = await place(2);
    // One order is cancelled whole, the other gives up one of its two units (its newest).
    await h.handlers.cancelOrder(
      { orderId: cancelled.orderId, reason: 'requested', note: null },
      h.context(),
    );
    await h.handlers.cancelOrderLines(
      { orderId: trimmed.orderId, lines: [{ lineId: trimmed.lineId, quantity: 1 }] },
      h.context(),
    );
    expect(await waiting()).toEqual([
      { orderId: second.orderId, quantity: 1 },
      { orderId: trimmed.orderId, quantity: 1 },
    ]);
    const received = await receive('berlin', 2);
    expect(fills(received.events)).toEqual([
      [second.orderId, 1],
      [trimmed.orderId, 1],
    ]);
    // Both are whole now: every line ships.
    await ship(second, 3);
    await ship(trimmed, 1);
    expect(await waiting()).toEqual([]);
  });

  it('a transfer in and a restocked return fill the queue too', async () => {
    const moving = await place(1);
    // A transfer from Zurich into Berlin fills it.
    await receive('zurich', 1);
    const moved = await h.handlers.transferStock(
      { sku: 'MUG', from: 'zurich', to: 'berlin', quantity: 1, transferId: `t-${backend}` },
      h.context(),
    );
    expect(fills(moved.events)).toEqual([[moving.orderId, 1]]);
    expect(await waiting()).toEqual([]);
    await ship(moving, 1);

    // A delivered order sends a mug back: it goes back on the shelf, to the backorder waiting.
    const sold = await shippedOrder();
    const waiter = await place(1);
    expect(await waiting()).toEqual([{ orderId: waiter.orderId, quantity: 1 }]);
    await h.handlers.requestReturn(
      {
        returnId: `r-${backend}`,
        orderId: sold.orderId,
        lines: [{ lineId: sold.lineId, quantity: 1 }],
        reason: 'damaged',
        note: null,
        photos: [],
        openedBy: 'customer',
      },
      h.context({ id: 'c-1', role: 'customer' }),
    );
    await h.handlers.authorizeReturn({ returnId: `r-${backend}`, note: null }, h.context());
    await h.handlers.receiveReturn(
      {
        returnId: `r-${backend}`,
        receiptId: `rc-${backend}`,
        location: 'berlin',
        lines: [
          {
            lineId: sold.lineId,
            quantity: 1,
            disposition: 'restock',
            restockLocation: null,
            adjustmentReason: null,
            note: null,
          },
        ],
      },
      h.context(),
    );
    // The receipt's answer is the return stream's; the fill is on the stock stream, in the same append.
    expect(await waiting()).toEqual([]);
    expect(holdsByOrder(await mugs())).toMatchObject({ [waiter.orderId]: { reserved: 1, backordered: 0 } });
    await ship(waiter, 1);
  });

  it('an unpaid order that expires gives up its place', async () => {
    const expiring = await place(1, false);
    const next = await place(1);
    // As the expiry scheduler does, once the unpaid order is past its deadline.
    h.clock.advance(16 * 60_000);
    await h.handlers.cancelOrder(
      { orderId: expiring.orderId, reason: 'expired', note: null },
      h.context({ id: 'expiry-scheduler', role: 'system' }),
    );
    expect(await waiting()).toEqual([{ orderId: next.orderId, quantity: 1 }]);
    const received = await receive('berlin', 1);
    expect(fills(received.events)).toEqual([[next.orderId, 1]]);
  });

  /** An order of one mug, shipped and delivered: the return's source. */
  async function shippedOrder() {
    await receive('berlin', 1);
    const order = await place(1);
    await ship(order, 1);
    await h.handlers.deliverOrder(order.orderId, h.context());
    return order;
  }
});
