import type { ReturnLabel } from '../../domain/returns/index.ts';
import { OrderNotFound } from '../../domain/orders/errors.ts';
import { loadOrder } from '../orders/load-order.ts';
import type { CarrierDeps, OrderDeps } from '../orders/order-deps.ts';
import { parcelWeightGrams } from '../orders/parcel-weight.ts';
import { returnParcelId } from '../orders/return-parcel.ts';

/** What authorizing a return needs from a carrier: a label for the parcel back, or null for none. */
export type ReturnLabels = (request: {
  returnId: string;
  rmaNumber: string;
  orderId: string;
  /** The units coming back, which the parcel's weight is priced by. */
  units: readonly { sku: string; quantity: number }[];
  /** Idempotency key for the carrier: derived from the return, so a retried authorization buys one label. */
  idempotencyKey: string;
}) => Promise<ReturnLabel | null>;

/** No carrier (the manual carrier): the customer gets the policy's instructions with the RMA number. */
export const noReturnLabels: ReturnLabels = async () => null;

/**
 * Return labels through the carrier port (`ports/carrier.ts`): from the order's shipping address
 * back to the shop's ship-from address, weighed from the returned units' products.
 */
export function carrierReturnLabels(deps: OrderDeps, carrier: CarrierDeps): ReturnLabels {
  return async ({ returnId, orderId, units, idempotencyKey }) => {
    const { state } = await loadOrder(deps, orderId);
    if (state.status === 'none') throw new OrderNotFound(orderId);
    const label = await carrier.port.buyLabel({
      orderId,
      shipmentId: returnParcelId(returnId),
      from: state.shippingAddress,
      to: carrier.shipFrom,
      weightGrams: await parcelWeightGrams(deps.runtime, units),
      service: null,
      idempotencyKey,
    });
    return { carrier: label.carrier, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl };
  };
}
