import { orderDecider, shippedQuantity, type OrderState } from '../../domain/orders/index.ts';
import { replay } from '../../domain/decider.ts';
import { orderStream } from '../../domain/streams.ts';
import type { OrderDeps } from '../orders/order-deps.ts';

/** The order's state and when it was delivered (the time of its last `OrderDelivered`), read from the store. */
export async function orderWithDelivery(
  deps: OrderDeps,
  orderId: string,
): Promise<{ order: OrderState; deliveredAt: string | null }> {
  const events = await deps.runtime.store.readStream(orderStream(orderId));
  const order = replay(orderDecider, events as never);
  let deliveredAt: string | null = null;
  for (const event of events) if (event.type === 'OrderDelivered') deliveredAt = event.metadata.occurredAt;
  return { order, deliveredAt: order.status === 'delivered' ? deliveredAt : null };
}

export const deliveredQuantity = (order: OrderState, lineId: string): number =>
  order.status === 'none' ? 0 : shippedQuantity(order, lineId);
