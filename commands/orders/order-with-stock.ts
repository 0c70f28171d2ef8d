import type { DomainEvent } from '../../domain/decider.ts';
import { stockDecider, type InventoryCommand } from '../../domain/inventory/index.ts';
import { orderDecider, type OrderCommand, type OrderState } from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import { comparePositions } from '../../ports/position.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { earlierRun } from '../runtime/request-events.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';

/**
 * An order command whose event tells stock streams what to do (a cancellation releases, a shipment
 * ships): the order's event and the stock events are appended atomically. The order decider runs
 * first, here, only to learn which stock streams its event names; the step decides it again.
 */
export async function orderWithStock<Event extends DomainEvent>(
  deps: OrderDeps,
  orderId: string,
  command: OrderCommand,
  stockCommands: (
    event: Event | undefined,
  ) => (InventoryCommand & { data: { sku: string; location: string } })[],
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const stream = orderStream(orderId);
  // A resumed request whose first run appended answers that run's order events, with the position
  // of the last event it appended anywhere (its stock events' too), as the first answer had.
  const earlier = await earlierRun(deps.runtime.store, stream, context);
  if (earlier) {
    const stockStreams = stockCommands(earlier.events[0] as Event | undefined).map((stock) =>
      stockStream(stock.data.sku, stock.data.location),
    );
    const stock = await Promise.all(stockStreams.map((s) => earlierRun(deps.runtime.store, s, context)));
    const position = [earlier, ...stock]
      .flatMap((run) => (run ? [run.position] : []))
      .reduce((latest, next) => (comparePositions(next, latest) > 0 ? next : latest));
    return { events: earlier.events, revision: earlier.revision, position };
  }
  const outcome = await runCommand(
    deps.runtime,
    {
      keys: [stream],
      contention: 'normal',
      plan: async (load) => {
        const order = await load<OrderState>(stream, asStepDecider(orderDecider));
        const [event] = orderDecider.decide(command, order) as unknown as Event[];
        const stockSteps = stockCommands(event).map((stock) => ({
          stream: stockStream(stock.data.sku, stock.data.location),
          decider: asStepDecider(stockDecider),
          command: stock,
        }));
        return [{ stream, decider: asStepDecider(orderDecider), command }, ...stockSteps];
      },
      ...(expectedRevision === undefined ? {} : { pinned: { stream, revision: expectedRevision } }),
    },
    context,
  );
  return orderResult(outcome, stream);
}
