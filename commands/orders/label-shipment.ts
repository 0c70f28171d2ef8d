import { ValidationFailed } from '../../domain/errors.ts';
import { OrderNotFound } from '../../domain/orders/errors.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { loadOrder } from './load-order.ts';
import { parcelWeightGrams } from './parcel-weight.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderResult } from './order-result.ts';
import { shipOrder, type ShipmentInput } from './ship-order.ts';

export type LabelledShipmentInput = Omit<ShipmentInput, 'carrier' | 'trackingNumber' | 'label'> & {
  /** A carrier service (`Priority`); null: the cheapest offered. */
  service: string | null;
};

/**
 * Ships with a label bought through the carrier port: the label (carrier, service, tracking number,
 * the label to print, its cost) is bought first, then recorded with the shipment in the same
 * append. The purchase is keyed by order and shipment, so a retried request buys no second label
 * where the provider honours keys; a shipment the order refuses is checked before buying.
 */
export async function shipWithLabel(
  deps: OrderDeps,
  input: LabelledShipmentInput,
  context: CommandContext,
  expectedRevision?: number,
): Promise<OrderResult> {
  const carrier = deps.carrier;
  if (!carrier)
    throw new ValidationFailed('buyLabel', 'no carrier is configured: give carrier and trackingNumber');
  const { state } = await loadOrder(deps, input.orderId);
  if (state.status === 'none') throw new OrderNotFound(input.orderId);
  // A line the order does not have weighs nothing here: the shipment's own check names it.
  const units = input.lines.flatMap(({ lineId, quantity }) => {
    const line = state.lines.find((l) => l.lineId === lineId);
    return line ? [{ sku: line.sku, quantity }] : [];
  });
  const label = await carrier.port.buyLabel({
    orderId: input.orderId,
    shipmentId: input.shipmentId,
    from: carrier.shipFrom,
    to: state.shippingAddress,
    weightGrams: await parcelWeightGrams(deps.runtime, units),
    service: input.service,
    idempotencyKey: `${input.orderId}/${input.shipmentId}`,
  });
  const { service: _service, ...shipment } = input;
  return shipOrder(
    deps,
    {
      ...shipment,
      carrier: label.carrier,
      trackingNumber: label.trackingNumber,
      label: {
        provider: label.provider,
        providerShipmentId: label.providerShipmentId,
        service: label.service,
        labelUrl: label.labelUrl,
        cost: { amount: label.cost, currency: label.currency },
      },
    },
    context,
    expectedRevision,
  );
}
