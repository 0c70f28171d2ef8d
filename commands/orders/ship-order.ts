import type { CreateShipment, ShipmentCreated } from '../../domain/orders/index.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { orderWithStock } from './order-with-stock.ts';
import { capturePayment } from './payments.ts';

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
  const result = await orderWithStock<ShipmentCreated>(
    deps,
    input.orderId,
    { type: 'CreateShipment', data: input },
    (created) =>
      (created?.data.lines ?? []).map((line) => ({
        type: 'ShipStock',
        data: {
          sku: line.sku,
          location: input.location,
          orderId: input.orderId,
          shipmentId: input.shipmentId,
          quantity: line.quantity,
        },
      })),
    context,
    expectedRevision,
  );
  if (deps.settings.captureAt !== 'shipment') return result;
  const captured = await capturePayment(deps, input.orderId, context);
  return captured.position ? { ...result, revision: captured.revision, position: captured.position } : result;
}
