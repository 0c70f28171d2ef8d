import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FormBodyInvalid, parseFormBody, type FormObject } from './form-body.ts';
import { IdempotencyStore, type StoredResponse } from './idempotency.ts';
import { FakeStripeLedger, type RequestContext } from './ledger.ts';
import { FakeStripeError, type StripeErrorBody } from './stripe-error-response.ts';
import { stripeId, type FakeEvent } from './stripe-objects.ts';

/** One request as the fake saw it, for assertions on what the adapter sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  params: FormObject;
  status: number;
  replayed: boolean;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http';
  /** The account's state, and the `simulate*` hooks for what happens outside the API. */
  readonly ledger: FakeStripeLedger;
  readonly requests: readonly RecordedRequest[];
  /** Every event Stripe would have sent, oldest first. */
  readonly events: readonly FakeEvent[];
  /** The latest event of this type about this object; throws when there is none, so tests fail clearly. */
  lastEvent(type: string, objectId: string): FakeEvent;
  /** The next `count` requests fail with Stripe's 500 before doing anything (an outage to retry through). */
  failNextRequests(count: number, status?: number): void;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  /** The one key accepted. Default: any `sk_test_` key, as every test key is valid for its own account. */
  secretKey?: string;
}

type Handler = (ledger: FakeStripeLedger, params: FormObject, request: RequestContext, id: string) => unknown;

const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: 'POST', pattern: /^\/v1\/payment_intents$/, handler: (l, p, r) => l.createPaymentIntent(p, r) },
  {
    method: 'GET',
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    handler: (l, _p, _r, id) => l.retrievePaymentIntent(id),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
    handler: (l, p, r, id) => l.capturePaymentIntent(id, p, r),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
    handler: (l, p, r, id) => l.cancelPaymentIntent(id, p, r),
  },
  { method: 'POST', pattern: /^\/v1\/refunds$/, handler: (l, p, r) => l.createRefund(p, r) },
];

/**
 * A local stand-in for api.stripe.com, answering the few endpoints the payments adapter uses, so
 * that tests run the real `stripe` SDK over real HTTP. It checks the secret key, parses Stripe's
 * form bodies, keeps Stripe's state machine, limits and error shapes, and honours idempotency keys.
 * Listens on 127.0.0.1 on a free port; `close()` when done.
 */
export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const ledger = new FakeStripeLedger();
  const idempotency = new IdempotencyStore();
  const requests: RecordedRequest[] = [];
  let failures: { remaining: number; status: number } = { remaining: 0, status: 500 };

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const path = (req.url ?? '/').split('?')[0]!;
        const method = req.method ?? 'GET';
        const idempotencyKey = header(req, 'idempotency-key');
        const requestId = stripeId('req', 14);
        const record = (params: FormObject, status: number, replayed = false) =>
          requests.push({ method, path, idempotencyKey, params, status, replayed });
        const send = (response: StoredResponse, extra: Record<string, string> = {}) => {
          res.writeHead(response.status, {
            'Content-Type': 'application/json',
            'Request-Id': requestId,
            'Stripe-Version': header(req, 'stripe-version') ?? Stripe.API_VERSION,
            ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
            ...extra,
          });
          res.end(response.body);
        };

        const authError = checkAuth(header(req, 'authorization'), options.secretKey);
        if (authError) {
          record({}, 401);
          return send(errorResponse(401, authError));
        }
        if (failures.remaining > 0) {
          failures = { ...failures, remaining: failures.remaining - 1 };
          record({}, failures.status);
          const failure = errorResponse(failures.status, {
            type: 'api_error',
            message: 'An unknown error occurred (injected by the fake).',
          });
          return send(failure, { 'Stripe-Should-Retry': 'true' });
        }
        const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
        if (!route) {
          record({}, 404);
          return send(
            errorResponse(404, {
              type: 'invalid_request_error',
              message: `Unrecognized request URL (${method}: ${path}).`,
            }),
          );
        }
        let params: FormObject;
        try {
          params = method === 'GET' ? {} : parseFormBody(body);
        } catch (error) {
          if (!(error instanceof FormBodyInvalid)) throw error;
          record({}, 400);
          return send(errorResponse(400, { type: 'invalid_request_error', message: error.message }));
        }

        const endpoint = `${method} ${path}`;
        if (idempotencyKey && method === 'POST') {
          const seen = idempotency.lookup(idempotencyKey, endpoint, params);
          if (seen.kind === 'replay') {
            record(params, seen.response.status, true);
            return send(seen.response, { 'Idempotent-Replayed': 'true' });
          }
          if (seen.kind === 'conflict') {
            record(params, 400);
            return send(errorResponse(400, { type: 'idempotency_error', message: seen.message }));
          }
        }

        const id = decodeURIComponent(route.pattern.exec(path)![1] ?? '');
        const context: RequestContext = { requestId, idempotencyKey };
        let response: StoredResponse;
        let store: boolean;
        try {
          response = {
            status: 200,
            body: JSON.stringify(route.handler(ledger, params, context, id), null, 2),
          };
          store = true;
        } catch (error) {
          if (!(error instanceof FakeStripeError)) throw error;
          response = errorResponse(error.status, error.body);
          store = error.storedForIdempotency;
        }
        if (store && idempotencyKey && method === 'POST') {
          idempotency.store(idempotencyKey, endpoint, params, response);
        }
        record(params, response.status);
        return send(response);
      })
      .catch((error: unknown) => {
        // A bug in the fake: answer like Stripe's outage so the test sees a failure, and say why.
        console.error('fake-stripe:', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(errorResponse(500, { type: 'api_error', message: String(error) }).body);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    protocol: 'http',
    ledger,
    requests,
    events: ledger.events,
    lastEvent(type, objectId) {
      const event = ledger.events.findLast(
        (e) => e.type === type && (e.data.object as { id?: unknown }).id === objectId,
      );
      if (!event)
        throw new Error(
          `No ${type} event for ${objectId}; events: ${ledger.events.map((e) => e.type).join(', ')}`,
        );
      return event;
    },
    failNextRequests(count, status = 500) {
      failures = { remaining: count, status };
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      });
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Stripe answers a bad key with 401 and an `invalid_request_error`, never echoing the whole key. */
function checkAuth(authorization: string | null, expectedKey: string | undefined): StripeErrorBody | null {
  const key = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : null;
  if (!key) {
    return {
      type: 'invalid_request_error',
      message:
        'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
    };
  }
  const valid = expectedKey === undefined ? /^sk_test_\w+$/.test(key) : key === expectedKey;
  if (valid) return null;
  return {
    type: 'invalid_request_error',
    code: 'api_key_invalid',
    message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
  };
}

function errorResponse(status: number, error: StripeErrorBody): StoredResponse {
  return { status, body: JSON.stringify({ error }, null, 2) };
}
