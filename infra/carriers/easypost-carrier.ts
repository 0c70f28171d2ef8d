import EasyPostImport from '@easypost/api';
import type { Address } from '../../domain/orders/events.ts';
import {
  CarrierSignatureInvalid,
  type BuyLabelInput,
  type CarrierPort,
  type PurchasedLabel,
  type TrackingStatus,
  type TrackingUpdate,
} from '../../ports/carrier.ts';

// The SDK's typings are CommonJS (a namespace whose `default` is the client); run as ESM, the
// import is the client class itself. Either way, this is the class.
const EasyPostClient = ((EasyPostImport as unknown as { default?: unknown }).default ??
  EasyPostImport) as typeof EasyPostImport.default;

export interface EasyPostCarrierOptions {
  apiKey: string;
  /** The webhook secret set on the EasyPost webhook; deliveries are verified with it. */
  webhookSecret: string;
  /** The API's base URL, `https://api.easypost.com/v2/` by default; tests point it at a local fake. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** EasyPost's tracker statuses the port names; the rest (pre-transit, unknown) are not news. */
const statuses: Readonly<Record<string, TrackingStatus>> = {
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  available_for_pickup: 'out_for_delivery',
  return_to_sender: 'exception',
  failure: 'exception',
  error: 'exception',
  cancelled: 'exception',
};

/**
 * The carrier port on EasyPost, through its SDK: a shipment is created with both addresses and the
 * parcel (EasyPost wants ounces), the cheapest rate (or the named service's) is bought, and the
 * label URL and tracking code come back. Webhooks are verified by the SDK's `validateWebhook`:
 * HMAC-SHA256 of the raw body with the webhook secret, in `X-Hmac-Signature` as `hmac-sha256-hex=…`.
 */
export function easyPostCarrier(options: EasyPostCarrierOptions): CarrierPort {
  const client = new EasyPostClient(options.apiKey, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    timeout: options.timeoutMs ?? 30_000,
  });
  return {
    provider: 'easypost',
    async buyLabel(input: BuyLabelInput): Promise<PurchasedLabel> {
      const shipment = await client.Shipment.create({
        reference: `${input.orderId}/${input.shipmentId}`,
        to_address: easyPostAddress(input.to),
        from_address: easyPostAddress(input.from),
        // Ounces, at least 0.1 (EasyPost refuses an empty parcel).
        parcel: { weight: Math.max(0.1, Math.round((input.weightGrams / 28.349523125) * 10) / 10) },
      });
      const rates = shipment.rates ?? [];
      const wanted = input.service === null ? rates : rates.filter((r) => r.service === input.service);
      const rate = [...wanted].sort((a, b) => Number(a.rate) - Number(b.rate))[0];
      if (!rate) throw new Error(`EasyPost offered no rate${input.service ? ` for ${input.service}` : ''}`);
      const bought = await client.Shipment.buy(shipment.id, rate);
      return {
        provider: 'easypost',
        providerShipmentId: bought.id,
        carrier: bought.selected_rate.carrier,
        service: bought.selected_rate.service,
        trackingNumber: bought.tracking_code,
        labelUrl: bought.postage_label.label_url,
        cost: minorUnits(bought.selected_rate.rate),
        currency: bought.selected_rate.currency,
      };
    },
    async trackingFromWebhook(rawBody, headers): Promise<TrackingUpdate | null> {
      let event: { id?: unknown; description?: unknown; result?: Record<string, unknown> };
      try {
        event = client.Utils.validateWebhook(
          Buffer.from(rawBody, 'utf8'),
          { 'X-Hmac-Signature': headers['x-hmac-signature'] },
          options.webhookSecret,
        );
      } catch {
        throw new CarrierSignatureInvalid('The X-Hmac-Signature does not match the body');
      }
      if (event.description !== 'tracker.updated' && event.description !== 'tracker.created') return null;
      const tracker = event.result ?? {};
      const status = statuses[String(tracker['status'])];
      if (!status || typeof tracker['tracking_code'] !== 'string' || typeof event.id !== 'string')
        return null;
      const details = Array.isArray(tracker['tracking_details'])
        ? (tracker['tracking_details'] as Record<string, unknown>[])
        : [];
      const last = details[details.length - 1];
      // The tracker names EasyPost's shipment; its reference is the order and shipment it was bought for.
      const shipmentId = tracker['shipment_id'];
      const reference =
        typeof shipmentId === 'string'
          ? ((await client.Shipment.retrieve(shipmentId)).reference ?? null)
          : null;
      return {
        reference,
        eventId: event.id,
        trackingNumber: tracker['tracking_code'],
        status,
        at:
          typeof last?.['datetime'] === 'string'
            ? new Date(last['datetime']).toISOString()
            : typeof tracker['updated_at'] === 'string'
              ? new Date(tracker['updated_at']).toISOString()
              : new Date(0).toISOString(),
        detail: typeof last?.['message'] === 'string' ? last['message'] : null,
      };
    },
  };
}

function easyPostAddress(a: Address) {
  return {
    name: a.name,
    street1: a.line1,
    street2: a.line2 ?? undefined,
    city: a.city,
    state: a.region ?? undefined,
    zip: a.postalCode,
    country: a.country,
  };
}

/** EasyPost gives rates as decimal strings ("7.58"): to integer minor units without floats. */
function minorUnits(rate: string): number {
  const [whole = '0', fraction = ''] = rate.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}
