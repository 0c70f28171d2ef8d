import type { EventStore, RecordedEvent } from '../ports/event-store.ts';
import type { CommandHarness } from './command-harness.ts';
import { berlinAddress } from './addresses.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const details = { description: '', brand: 'Acme', category: 'tools', attributes: {}, allowBackorder: false };

/**
 * A small shop's life through the real command handlers: catalog, stock in two locations, a price
 * change, adjustments and a transfer, orders over three days that are paid, split across
 * locations, shipped, delivered, refunded or cancelled. Every analytics table gets rows from it.
 */
export async function recordShopHistory(h: CommandHarness, orders = 3): Promise<void> {
  const ctx = () => h.context();
  await h.handlers.createLocation('berlin', 'Berlin', ctx());
  await h.handlers.createLocation('hamburg', 'Hamburg', ctx());
  await h.handlers.createProduct(
    { productId: 'p1', sku: 'A', name: 'Hammer', price: eur(1299), ...details },
    ctx(),
  );
  await h.handlers.createProduct(
    { productId: 'p2', sku: 'B', name: 'Saw', price: eur(2500), ...details },
    ctx(),
  );
  await h.handlers.receiveStock({ sku: 'A', location: 'berlin', quantity: 50, reference: 'po-1' }, ctx());
  await h.handlers.receiveStock({ sku: 'A', location: 'hamburg', quantity: 30, reference: 'po-2' }, ctx());
  await h.handlers.receiveStock({ sku: 'B', location: 'berlin', quantity: 40, reference: null }, ctx());
  await h.handlers.adjustStock(
    { sku: 'B', location: 'berlin', delta: -2, reason: 'damage', note: null },
    ctx(),
  );
  await h.handlers.transferStock(
    { sku: 'A', from: 'hamburg', to: 'berlin', quantity: 5, transferId: 't1' },
    ctx(),
  );
  await h.handlers.changePrice('p1', eur(1199), 'autumn sale', ctx());
  await recordOrders(h, 0, orders);
}

/** Orders `first` to `first + count - 1` of the history (after `recordShopHistory` set the shop up). */
export async function recordOrders(h: CommandHarness, first: number, count: number): Promise<void> {
  const ctx = () => h.context();
  for (let i = first; i < first + count; i += 1) {
    const orderId = `o${i}`;
    h.clock.advance(24 * 60 * 60 * 1000); // one order a day: the daily rollups get several days
    const placed = await h.handlers.placeOrder(
      {
        orderId,
        customerId: `c${i % 2}`,
        currency: 'EUR',
        lines: [
          { productId: 'p1', quantity: 2 + i },
          { productId: 'p2', quantity: 1 },
        ],
        shippingAddress: berlinAddress,
      },
      ctx(),
    );
    if (i % 3 === 2) {
      await h.handlers.cancelOrder({ orderId, reason: 'requested', note: null }, ctx());
      continue;
    }
    await h.handlers.recordManualPayment(
      { orderId, reference: `bank-${i}`, amount: placed.order.totals.total },
      ctx(),
    );
    for (const location of new Set(placed.order.lines.flatMap((l) => l.allocations.map((a) => a.location)))) {
      await h.handlers.shipOrder(
        {
          orderId,
          shipmentId: `s-${orderId}-${location}`,
          location,
          carrier: 'DHL',
          trackingNumber: `T-${orderId}`,
          lines: placed.order.lines.flatMap((l) =>
            l.allocations
              .filter((a) => a.location === location)
              .map((a) => ({ lineId: l.lineId, quantity: a.quantity })),
          ),
        },
        ctx(),
      );
    }
    await h.handlers.deliverOrder(orderId, ctx());
    if (i % 3 === 1) await h.handlers.refundOrder({ orderId, amount: eur(500), reason: 'scratched' }, ctx());
  }
}

/** The whole global log, read in pages of `pageSize` (the batches a projector would deliver). */
export async function readLogPages(store: EventStore, pageSize = 7): Promise<RecordedEvent[][]> {
  const pages: RecordedEvent[][] = [];
  let from: RecordedEvent['position'] | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ from, maxCount: pageSize });
    if (page.length === 0) return pages;
    pages.push(page);
    from = page[page.length - 1]!.position;
  }
}
