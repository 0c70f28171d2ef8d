import { stockDecider } from '../../domain/inventory/index.ts';
import {
  orderDecider,
  releaseReasonFor,
  type CancellationReason,
  type CancelOrder,
  type OrderCancelled,
  type OrderState,
} from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { asStepDecider, decideAndAppendSteps, type Step } from '../runtime/multi-stream.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';

/**
 * Cancels an order before shipment and releases every reservation it holds, in one atomic append.
 * The order decider lists the releases, so the stock streams need nothing but its event.
 */
export async function cancelOrder(
  deps: OrderDeps,
  input: { orderId: string; reason: CancellationReason; note: string | null },
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const stream = orderStream(input.orderId);
  const outcome = await decideAndAppendSteps(
    deps.runtime,
    async (load) => {
      const order = await load<OrderState>(stream, asStepDecider(orderDecider));
      const cancel: CancelOrder = { type: 'CancelOrder', data: { ...input, now: context.now } };
      const [cancelled] = orderDecider.decide(cancel, order) as OrderCancelled[];
      const releases: Step[] = (cancelled?.data.releases ?? []).map((release) => ({
        stream: stockStream(release.sku, release.location),
        decider: asStepDecider(stockDecider),
        command: {
          type: 'ReleaseReservation',
          data: {
            sku: release.sku,
            location: release.location,
            orderId: input.orderId,
            quantity: release.quantity,
            reason: releaseReasonFor(input.reason),
            now: context.now,
          },
        },
      }));
      return [{ stream, decider: asStepDecider(orderDecider), command: cancel }, ...releases];
    },
    context,
    expectedRevision === undefined ? undefined : { stream, revision: expectedRevision },
  );
  return orderResult(outcome, stream);
}
