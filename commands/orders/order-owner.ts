import { orderDecider } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import type { OrderDeps } from './order-deps.ts';

/** The customer an order belongs to, or `null` when there is no such order: for ownership checks. */
export async function orderOwner(deps: OrderDeps, orderId: string): Promise<string | null> {
  const { state } = await loadAggregate(
    deps.runtime.store,
    orderDecider,
    orderStream(orderId),
    deps.runtime.cache,
    false,
    deps.runtime.upcasters,
  );
  return state.status === 'none' ? null : state.customerId;
}
