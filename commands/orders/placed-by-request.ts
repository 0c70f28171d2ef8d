import type { DomainEvent } from '../../domain/decider.ts';
import type { OrderCancelled, OrderPlaced } from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { comparePositions } from '../../ports/position.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { markedEventsIn, recentMarkedEventsIn, type RequestMark } from '../runtime/request-events.ts';
import type { OrderDeps } from './order-deps.ts';
import type { PlacedOrder } from './placement.ts';
import { PlacementCancelled } from '../../domain/orders/errors.ts';

/**
 * The placement an earlier run of this request appended, rebuilt from the events that carry its
 * mark: the order's `OrderPlaced` and the reservations beside it. `null` when the order stream holds
 * no placement by this request (another request placed that order id, or none did).
 *
 * A first run that cancelled its own order (its payment could not be opened) answered an error and
 * gave the stock back; that is refused here rather than answered as a placement.
 */
export async function placedByRequest(
  deps: OrderDeps,
  orderId: string,
  mark: RequestMark,
): Promise<PlacedOrder | null> {
  const { store } = deps.runtime;
  const own = await markedEventsIn(store, orderStream(orderId), mark);
  const placed = own.find((event) => event.type === 'OrderPlaced') as
    (RecordedEvent & Pick<OrderPlaced, 'type' | 'data'>) | undefined;
  if (!placed) return null;
  const cancelled = own.find((event) => event.type === 'OrderCancelled') as
    (RecordedEvent & Pick<OrderCancelled, 'type' | 'data'>) | undefined;
  if (cancelled) throw new PlacementCancelled({ orderId, reason: cancelled.data.reason });

  const stockStreams = [
    ...new Set(
      placed.data.lines.flatMap((line) => line.allocations.map((a) => stockStream(line.sku, a.location))),
    ),
  ];
  const reservations = (
    await Promise.all(stockStreams.map((stream) => recentMarkedEventsIn(store, stream, mark)))
  )
    .flat()
    .filter((event) => event.data.orderId === orderId);
  const events = [...reservations, placed];
  const position = events
    .map((event) => event.position)
    .reduce((latest, next) => (comparePositions(next, latest) > 0 ? next : latest));
  return {
    order: placed.data,
    // As the first run answered them: the reservations, then the order's event.
    events: events.map((event): DomainEvent => ({ type: event.type, data: event.data })),
    revision: placed.revision,
    position,
    replayed: true,
  };
}
