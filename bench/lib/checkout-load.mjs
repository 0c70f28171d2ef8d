// The checkout benchmark's load generator, run as a second process so that it never shares an
// event loop with the server it measures. Its own client (node:http, keep-alive), because a checkout
// is a sequence of requests per shopper, which autocannon's independent requests cannot express.
// Argument: JSON { mode, url, tokens, connections, seconds, warmUpSeconds, products, hotShare, address, code, flashProductId }.
// - mode `flow`: each connection repeats the storefront flow of 8 requests (create a cart, add 3
//   lines one by one, set the address, list shipping options, start checkout, check out), as one
//   customer of `tokens` (a token per connection: the per-customer hold cap is per shopper);
// - mode `coupon`: the same flow with the shared `code` entered on the cart after the address (9
//   requests), over products whose stock lasts any run;
// - mode `flash`: the flow for 1 unit of `flashProductId` with `code` entered (7 requests), until the
//   sale is sold out (a refusal at any step: the line, the code or the checkout), then that
//   connection stops.
// Every POST carries a fresh Idempotency-Key. A 503 (the server's own request timeout or an
// outage, with Retry-After) is retried with the same key, as a storefront should, at most
// MAX_RETRIES times: the key makes the retry safe, and the step's time includes the wait. An
// answer other than the expected ones (2xx, and the 409/400 refusals a finite stock or a used-up
// limit gives), or a 503 still there after the retries, counts as an error.
// With `warmUpSeconds`, the rate is taken in steady state: the connections run the flow that long
// first, then for `seconds`, and only what finishes inside that window counts (`windowFlows`,
// `windowPlaced`, the step times). The flows running at its end finish uncounted: a drain, whose
// last moments leave the server short of work, is not the rate (the baseline's autocannon stops at
// its deadline and has none).
// Prints JSON { steps: { <step>: [ms...] }, flows, placed, refused, windowFlows, windowPlaced,
// windowMs, errors, retries, statusCodes, elapsedMs, lastSuccessMs }; flows, placed and refused
// count every flow finished, in the window or not.
import { randomUUID } from 'node:crypto';
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, URLSearchParams } from 'node:url';

const args = JSON.parse(process.argv[2]);
const { mode, url, tokens, connections, seconds, products, hotShare, address, code, flashProductId } = args;
const warmUpSeconds = args.warmUpSeconds ?? 0;

const steps = { create: [], add: [], address: [], coupon: [], options: [], start: [], checkout: [] };
const statusCodes = {};
let flows = 0;
let placed = 0;
let refused = 0;
let windowFlows = 0;
let windowPlaced = 0;
let errors = 0;
let retries = 0;
const MAX_RETRIES = 3;
const errorSamples = [];
let lastSuccessMs = 0;
const begun = performance.now();
const windowStart = begun + warmUpSeconds * 1000;
const deadline = windowStart + seconds * 1000;
const inWindow = (at) => at >= windowStart && at <= deadline;

// node:http with a keep-alive socket per shopper, not fetch: fetch's WHATWG streams cost this
// process about 1.9 ms of CPU per request, which on a two-core machine the server under test paid
// for (the POST /orders baseline's autocannon costs about 0.5 ms).
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function send(token, method, path, body, key) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { authorization: `Bearer ${token}` };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  if (key) headers['idempotency-key'] = key;
  return new Promise((resolve) => {
    const failed = (error) => resolve({ status: -1, json: { error: String(error) }, retryAfter: 0 });
    const request = http.request(
      { agent, host: target.hostname, port: target.port, method, path, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', failed);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: response.statusCode,
              json: text ? JSON.parse(text) : null,
              retryAfter: Number(response.headers['retry-after'] ?? '1'),
            });
          } catch (error) {
            failed(error);
          }
        });
      },
    );
    request.on('error', failed);
    request.end(payload);
  });
}

async function call(step, token, method, path, body, okStatuses) {
  const started = performance.now();
  const key = method === 'POST' ? randomUUID() : null;
  let answer = await send(token, method, path, body, key);
  for (let attempt = 0; answer.status === 503 && attempt < MAX_RETRIES; attempt++) {
    statusCodes['503 retried'] = (statusCodes['503 retried'] ?? 0) + 1;
    retries++;
    await sleep(Math.min(5, Math.max(0.1, answer.retryAfter)) * 1000);
    answer = await send(token, method, path, body, key);
  }
  const { status, json } = answer;
  const answered = performance.now();
  if (inWindow(answered)) steps[step].push(answered - started);
  statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  const expected = (status >= 200 && status < 300) || okStatuses.includes(status);
  if (!expected) {
    errors++;
    if (errorSamples.length < 5) errorSamples.push({ step, status, body: json });
  }
  return { status, json };
}

/** Three distinct products, the hot one (index 0) in `hotShare` of the carts. */
function lines() {
  const chosen = new Set();
  if (Math.random() < hotShare) chosen.add(0);
  while (chosen.size < 3) chosen.add(1 + Math.floor(Math.random() * (products.length - 1)));
  return [...chosen].map((i) => ({ productId: products[i], quantity: 1 + Math.floor(Math.random() * 2) }));
}

/**
 * One shopper's cart from creation to checkout; with `code`, entered after the address. Answers
 * false when a refusal says the goods or the code ran out (the flash sale's end).
 */
async function flow(token, cartLines, withCode) {
  const created = await call('create', token, 'POST', '/carts', { currency: 'EUR' }, []);
  const cartId = created.json?.cartId;
  if (!cartId) return true;
  for (const line of cartLines) {
    const added = await call('add', token, 'POST', `/carts/${cartId}/lines`, line, [409]);
    if (added.status === 409 && mode === 'flash') return false;
  }
  await call('address', token, 'PUT', `/carts/${cartId}/shipping-address`, { shippingAddress: address }, []);
  if (withCode) {
    // A used-up limit refuses the code (400 naming `code`): only the flash sale's end expects it.
    const entered = await call(
      'coupon',
      token,
      'POST',
      `/carts/${cartId}/coupons`,
      { code },
      mode === 'flash' ? [400] : [],
    );
    if (entered.status === 400) return false;
  }
  const query = new URLSearchParams({
    currency: 'EUR',
    lines: cartLines.map((l) => `${l.productId}*${l.quantity}`).join(','),
    country: address.country,
    postalCode: address.postalCode,
  });
  await call('options', token, 'GET', `/shipping/options?${query}`, undefined, []);
  await call('start', token, 'POST', `/carts/${cartId}/checkout/start`, undefined, [400, 409]);
  const checkout = await call('checkout', token, 'POST', `/carts/${cartId}/checkout`, {}, [400, 409]);
  flows++;
  const counted = inWindow(performance.now());
  if (counted) windowFlows++;
  if (checkout.status === 201) {
    placed++;
    if (counted) windowPlaced++;
    lastSuccessMs = performance.now() - begun;
    return true;
  }
  refused++;
  return mode !== 'flash';
}

async function worker(index) {
  const token = tokens[index % tokens.length];
  while (performance.now() < deadline) {
    if (mode === 'flow') await flow(token, lines(), false);
    else if (mode === 'coupon') await flow(token, lines(), true);
    else if (!(await flow(token, [{ productId: flashProductId, quantity: 1 }], true))) return; // sold out
  }
}

await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
process.stdout.write(
  JSON.stringify({
    steps,
    flows,
    placed,
    refused,
    windowFlows,
    windowPlaced,
    windowMs: seconds * 1000,
    errors,
    retries,
    errorSamples,
    statusCodes,
    elapsedMs: performance.now() - begun,
    lastSuccessMs,
  }),
);
agent.destroy(); // its idle keep-alive sockets would keep this process alive
