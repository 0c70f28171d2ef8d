import { orderDecider, type OrderState } from '../../domain/orders/index.ts';
import { orderStream } from '../../domain/streams.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import type { OrderDeps } from './order-deps.ts';

/**
 * An order as the store holds it, never the state cache: read before a payment provider is asked
 * or an owner is checked, where a stale answer would act on money or access.
 */
export function loadOrder(
  deps: OrderDeps,
  orderId: string,
): Promise<{ state: OrderState; revision: number | null }> {
  return loadAggregate(
    deps.runtime.store,
    orderDecider,
    orderStream(orderId),
    deps.runtime.cache,
    false,
    deps.runtime.upcasters,
  );
}
