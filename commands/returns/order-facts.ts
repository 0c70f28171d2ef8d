import type { Money } from '../../domain/money.ts';
import { orderDecider, shippedQuantity, type OrderLine, type OrderState } from '../../domain/orders/index.ts';
import { replay } from '../../domain/decider.ts';
import { orderStream } from '../../domain/streams.ts';
import type { OrderDeps } from '../orders/order-deps.ts';

/**
 * What a line was paid, as the order recorded it. Orders placed before pricing recorded discounts
 * and tax carry neither: then the line total is what was paid and the tax is taken as 0. Once
 * checkout records them on the line, `amount` (after discounts), `discount` and `tax` are read here.
 */
export function linePaid(line: OrderLine): { paid: number; tax: number } {
  const priced = line as OrderLine & { amount?: Money; discount?: Money; tax?: Money };
  const paid = priced.amount?.amount ?? line.lineTotal.amount - (priced.discount?.amount ?? 0);
  return { paid, tax: priced.tax?.amount ?? 0 };
}

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
