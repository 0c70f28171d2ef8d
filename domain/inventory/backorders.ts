import type { InventoryEvent } from './events.ts';
import { evolveStock } from './evolve.ts';
import { freeOf, type StockLevels } from './state.ts';

/**
 * Backorders that ship: stock that arrives here (a receipt, a transfer in, a return put back on the
 * shelf) fills the waiting backorders first, first in first out, in the same decision as the
 * arrival: never more than arrived, nor more than is free once the arrival is booked. The fills are
 * decided on the stock stream that takes the arrival, so they share its no-oversell guarantee: a
 * racing reservation either sees the fills or loses the race and decides again.
 *
 * Each `BackorderFilled` moves the units from backordered to reserved: the order may ship them, and
 * the customer is told (the notifications consumer mails on it). An order whose backorder is only
 * partly covered gets what there is and keeps its place at the head of the queue for the rest.
 */
export function withFills(before: StockLevels, arrival: InventoryEvent[]): InventoryEvent[] {
  let after: StockLevels = before;
  for (const event of arrival) after = levelsOf(evolveStock({ status: 'tracked', ...after }, event));
  // Up to the units that arrived (less any written off at once), and only what is free: units
  // freed earlier (a released reservation) went back to general sale and stay there.
  let free = Math.min(after.onHand - before.onHand, freeOf(after));
  const fills: { orderId: string; quantity: number }[] = [];
  for (const waiting of after.backorderQueue) {
    if (free <= 0) break;
    const quantity = Math.min(free, waiting.quantity);
    free -= quantity;
    // Two entries of one order side by side fill as one event: one mail for the units.
    const last = fills.at(-1);
    if (last?.orderId === waiting.orderId) last.quantity += quantity;
    else fills.push({ orderId: waiting.orderId, quantity });
  }
  const { sku, location } = before;
  return [
    ...arrival,
    ...fills.map(({ orderId, quantity }): InventoryEvent => ({
      type: 'BackorderFilled',
      data: { sku, location, orderId, quantity },
    })),
  ];
}

function levelsOf(state: ReturnType<typeof evolveStock>): StockLevels {
  if (state.status !== 'tracked') throw new Error('an evolved stock state is always tracked');
  return state;
}
