import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake saw it, for assertions on what the adapter sent. */
export interface EasyPostRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  status: number;
}

export interface FakeShipment {
  id: string;
  reference: string | null;
  trackingCode: string | null;
}

export interface FakeEasyPost {
  /** `http://127.0.0.1:<port>/v2/`, the base URL the SDK takes. */
  readonly baseUrl: string;
  readonly requests: readonly EasyPostRequest[];
  readonly shipments: ReadonlyMap<string, FakeShipment>;
  close(): Promise<void>;
}

/**
 * A local fake of the few EasyPost endpoints the carrier adapter calls: create a shipment (answered
 * with two rates, USPS Priority and Ground Advantage) and buy one of its rates (answered with the
 * tracking code and the label URL). It checks the API key as EasyPost does (HTTP Basic, the key as
 * user) and answers errors in EasyPost's `{ error: { code, message } }` shape.
 */
export async function startFakeEasyPost(options: { apiKey: string }): Promise<FakeEasyPost> {
  const requests: EasyPostRequest[] = [];
  const shipments = new Map<string, FakeShipment & { body: Record<string, unknown> }>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await jsonBody(req);
      const answer = (status: number, payload: unknown) => {
        requests.push({ method: req.method ?? '', path: req.url ?? '', body, status });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const expected = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
      if (req.headers.authorization !== expected)
        return answer(401, {
          error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active.' },
        });
      const url = req.url ?? '';
      if (req.method === 'POST' && url === '/v2/shipments') {
        const params = (body['shipment'] ?? {}) as Record<string, unknown>;
        const id = `shp_${randomUUID().replaceAll('-', '')}`;
        const shipment = {
          id,
          reference: (params['reference'] as string | undefined) ?? null,
          trackingCode: null,
          body: params,
        };
        shipments.set(id, shipment);
        return answer(201, shipmentObject(shipment));
      }
      const retrieve = /^\/v2\/shipments\/([^/?]+)$/.exec(url);
      if (req.method === 'GET' && retrieve) {
        const shipment = shipments.get(retrieve[1]!);
        if (!shipment)
          return answer(404, {
            error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.' },
          });
        return answer(200, shipmentObject(shipment));
      }
      const buy = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(url);
      if (req.method === 'POST' && buy) {
        const shipment = shipments.get(buy[1]!);
        if (!shipment)
          return answer(404, {
            error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.' },
          });
        const rateId = ((body['rate'] ?? {}) as { id?: string }).id;
        const rate = rates(shipment.id).find((r) => r.id === rateId);
        if (!rate)
          return answer(422, { error: { code: 'SHIPMENT.RATE.INVALID', message: 'Rate not found' } });
        shipment.trackingCode ??= `9400${String(shipments.size).padStart(18, '0')}`;
        return answer(200, { ...shipmentObject(shipment), selected_rate: rate });
      }
      return answer(404, { error: { code: 'NOT_FOUND', message: `No route ${req.method} ${url}` } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2/`,
    requests,
    shipments,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function rates(shipmentId: string) {
  const rate = (id: string, service: string, amount: string) => ({
    id: `rate_${id}_${shipmentId}`,
    object: 'Rate',
    shipment_id: shipmentId,
    carrier: 'USPS',
    service,
    rate: amount,
    currency: 'USD',
    delivery_days: service === 'Priority' ? 2 : 5,
  });
  return [rate('pri', 'Priority', '9.35'), rate('gnd', 'GroundAdvantage', '5.07')];
}

function shipmentObject(shipment: FakeShipment & { body: Record<string, unknown> }) {
  return {
    id: shipment.id,
    object: 'Shipment',
    mode: 'test',
    reference: shipment.reference,
    to_address: shipment.body['to_address'],
    from_address: shipment.body['from_address'],
    parcel: { object: 'Parcel', ...(shipment.body['parcel'] as object) },
    rates: rates(shipment.id),
    selected_rate: null,
    tracking_code: shipment.trackingCode,
    postage_label: shipment.trackingCode
      ? {
          object: 'PostageLabel',
          label_url: `https://labels.example.test/${shipment.id}.pdf`,
          label_file_type: 'application/pdf',
        }
      : null,
  };
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * A tracker event as EasyPost delivers it, signed the way EasyPost signs webhooks: HMAC-SHA256 of
 * the exact body with the webhook secret (NFKD), hex, in `X-Hmac-Signature` as `hmac-sha256-hex=…`.
 */
export function signedTrackerEvent(
  secret: string,
  tracker: { trackingCode: string; status: string; at: string; message: string; shipmentId?: string },
): { payload: string; signature: string; eventId: string } {
  const eventId = `evt_${randomUUID().replaceAll('-', '')}`;
  const payload = JSON.stringify({
    id: eventId,
    object: 'Event',
    mode: 'test',
    description: 'tracker.updated',
    result: {
      id: `trk_${tracker.trackingCode}`,
      object: 'Tracker',
      tracking_code: tracker.trackingCode,
      shipment_id: tracker.shipmentId ?? null,
      status: tracker.status,
      carrier: 'USPS',
      updated_at: tracker.at,
      tracking_details: [
        { object: 'TrackingDetail', status: tracker.status, message: tracker.message, datetime: tracker.at },
      ],
    },
  });
  const hex = createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(payload, 'utf8')
    .digest('hex');
  return { payload, signature: `hmac-sha256-hex=${hex}`, eventId };
}
