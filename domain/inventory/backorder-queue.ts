/** The waiting backorders of a stock stream, oldest first (`StockLevels.backorderQueue`). */
import type { WaitingBackorder } from './state.ts';

/** The queue with the order's new backorder at its end (`BackorderRecorded`). */
export function enqueue(queue: WaitingBackorder[], orderId: string, quantity: number): WaitingBackorder[] {
  return [...queue, { orderId, quantity }];
}

/**
 * The queue without `quantity` of the order's units. A fill takes its oldest units (the ones at the
 * head, where the fill found them); a cancellation its newest, so what the order still waits for
 * keeps the earliest place it had.
 */
export function dequeue(
  queue: WaitingBackorder[],
  orderId: string,
  quantity: number,
  from: 'oldest' | 'newest',
): WaitingBackorder[] {
  const entries = from === 'oldest' ? [...queue] : [...queue].reverse();
  let left = quantity;
  const kept: WaitingBackorder[] = [];
  for (const entry of entries) {
    if (left > 0 && entry.orderId === orderId) {
      const taken = Math.min(left, entry.quantity);
      left -= taken;
      if (entry.quantity > taken) kept.push({ orderId, quantity: entry.quantity - taken });
    } else kept.push(entry);
  }
  return from === 'oldest' ? kept : kept.reverse();
}
