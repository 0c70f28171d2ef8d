import { stockDecider } from '../../domain/inventory/index.ts';
import {
  orderDecider,
  type CreateShipment,
  type OrderState,
  type ShipmentCreated,
} from '../../domain/orders/index.ts';
import { orderStream, stockStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { asStepDecider, decideAndAppendSteps, type Step } from '../runtime/multi-stream.ts';
import { capturePayment } from './payments.ts';
import type { OrderDeps } from './order-deps.ts';
import { orderResult, type OrderResult } from './order-result.ts';

export type ShipmentInput = CreateShipment['data'];

/**
 * Ships some or all lines from one location: the order records the shipment and each stock stream
 * turns the reservation into a shipment, atomically. Where payments are captured at shipment, the
 * capture follows (the provider call cannot be part of the append).
 */
export async function shipOrder(
  deps: OrderDeps,
  input: ShipmentInput,
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const stream = orderStream(input.orderId);
  const outcome = await decideAndAppendSteps(
    deps.runtime,
    async (load) => {
      const order = await load<OrderState>(stream, asStepDecider(orderDecider));
      const command: CreateShipment = { type: 'CreateShipment', data: input };
      const [created] = orderDecider.decide(command, order) as ShipmentCreated[];
      const shipments: Step[] = (created?.data.lines ?? []).map((line) => ({
        stream: stockStream(line.sku, input.location),
        decider: asStepDecider(stockDecider),
        command: {
          type: 'ShipStock',
          data: {
            sku: line.sku,
            location: input.location,
            orderId: input.orderId,
            shipmentId: input.shipmentId,
            quantity: line.quantity,
          },
        },
      }));
      return [{ stream, decider: asStepDecider(orderDecider), command }, ...shipments];
    },
    context,
    expectedRevision === undefined ? undefined : { stream, revision: expectedRevision },
  );
  const result = orderResult(outcome, stream);
  if (deps.settings.captureAt !== 'shipment') return result;
  const captured = await capturePayment(deps, input.orderId, context);
  return captured.position ? { ...result, revision: captured.revision, position: captured.position } : result;
}
