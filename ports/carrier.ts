/**
 * The carrier port: labels and tracking from a shipping provider, for staff shipping an order.
 *
 * Two adapters implement it (`infra/carriers/`): EasyPost (one multi-carrier API, through its SDK
 * `@easypost/api`) in server mode when `QM_EASYPOST_API_KEY` is set, and none otherwise, where
 * staff type the carrier and tracking number themselves (the manual carrier: the port is absent).
 *
 * Rules every adapter keeps:
 * - weights are integer grams and money integer minor units, converted at the adapter's edge;
 * - buying a label takes an idempotency key derived from the command (order and shipment id), so a
 *   retried request does not buy twice where the provider honours keys;
 * - a tracking webhook is verified with the provider's own signature scheme over the raw body,
 *   before anything in it is believed: a forged or altered delivery is refused, never applied.
 */
import type { Address } from '../domain/orders/events.ts';

export type CarrierProviderName = 'easypost';

/** Where a parcel stands, the same words for every provider. */
export type TrackingStatus = 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';

export interface BuyLabelInput {
  orderId: string;
  shipmentId: string;
  /** The warehouse the parcel leaves from. */
  from: Address;
  to: Address;
  weightGrams: number;
  /** A provider service name (`Priority`, `Ground`); null: the cheapest rate offered. */
  service: string | null;
  idempotencyKey: string;
}

export interface PurchasedLabel {
  provider: CarrierProviderName;
  /** The provider's shipment id, for support and refunds of the label. */
  providerShipmentId: string;
  /** The carrier that carries it (`USPS`, `UPS`...). */
  carrier: string;
  service: string;
  trackingNumber: string;
  /** A PDF or image of the label, to print. */
  labelUrl: string;
  /** What the label cost, in minor units of `currency`. */
  cost: number;
  currency: string;
}

export interface TrackingUpdate {
  /** The provider's event id: a redelivered webhook carries the same one. */
  eventId: string;
  trackingNumber: string;
  status: TrackingStatus;
  /** ISO time the carrier reported it. */
  at: string;
  /** The carrier's words, for the customer and staff. */
  detail: string | null;
  /**
   * What the label was bought for, `<orderId>/<shipmentId>` as `buyLabel` set it, read back from
   * the provider; null for a parcel this shop did not label.
   */
  reference: string | null;
}

export interface CarrierPort {
  readonly provider: CarrierProviderName;
  buyLabel(input: BuyLabelInput): Promise<PurchasedLabel>;
  /**
   * The tracking update in a webhook delivery, once its signature holds; null for a verified
   * event that is not about tracking or carries a status the port does not map (pre-transit).
   * Throws `CarrierSignatureInvalid` when the signature is missing or wrong.
   */
  trackingFromWebhook(
    rawBody: string,
    headers: Record<string, string | undefined>,
  ): Promise<TrackingUpdate | null>;
}

/** A webhook whose signature does not verify: answered 400, and nothing is applied. */
export class CarrierSignatureInvalid extends Error {
  override readonly name = 'CarrierSignatureInvalid';
}
