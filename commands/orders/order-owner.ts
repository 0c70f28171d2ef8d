import { loadOrder } from './load-order.ts';
import type { OrderDeps } from './order-deps.ts';

/** The customer an order belongs to, or `null` when there is no such order: for ownership checks. */
export async function orderOwner(deps: OrderDeps, orderId: string): Promise<string | null> {
  const { state } = await loadOrder(deps, orderId);
  return state.status === 'none' ? null : state.customerId;
}
