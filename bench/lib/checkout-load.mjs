// The checkout benchmark's load generator, run as a second process so that it never shares an
// event loop with the server it measures. Its own client (a keep-alive socket per shopper,
// raw-http.mjs), because a checkout is a sequence of requests per shopper, each built from the
// answers before it.
// Argument: JSON { mode, url, tokens, connections, seconds, warmUpSeconds, products, hotShare, address, code, flashProductId }.
// - mode `flow`: each connection repeats the storefront flow of 8 requests (create a cart, add 3
//   lines one by one, set the address, list shipping options, start checkout, check out), as one
//   customer of `tokens` (a token per connection: the per-customer hold cap is per shopper);
// - mode `coupon`: the same flow with the shared `code` entered on the cart after the address (9
//   requests), over products whose stock lasts any run;
// - mode `order`: the baseline, one `POST /orders` per unit (3 lines, the first of `products` in
//   `hotShare` of them, shipped to `address`), as every shopper of `tokens`: the same client,
//   connections and measured window as the flow, so that the two rates differ by the server's work;
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
// last moments leave the server short of work, is not the rate.
// Prints JSON { steps: { <step>: [ms...] }, flows, placed, refused, windowFlows, windowPlaced,
// windowMs, errors, retries, statusCodes, elapsedMs, lastSuccessMs, cpuMs }; flows, placed and
// refused count every flow finished, in the window or not; cpuMs is this process's own CPU.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, URLSearchParams } from 'node:url';
import { rawHttpConnection } from './raw-http.mjs';

const args = JSON.parse(process.argv[2]);
const { mode, url, tokens, connections, seconds, products, hotShare, address, code, flashProductId } = args;
const warmUpSeconds = args.warmUpSeconds ?? 0;

const steps = {
  create: [],
  add: [],
  address: [],
  coupon: [],
  options: [],
  start: [],
  checkout: [],
  order: [],
};
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

// A raw keep-alive socket per shopper (raw-http.mjs): node:http cost this process about 0.6 ms of
// CPU per request and fetch 1.9 ms, taken from the two cores the server under test uses too.
const target = new URL(url);

function send(connection, token, method, path, body, key) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { authorization: `Bearer ${token}` };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  return connection.request(method, path, headers, payload).then(
    ({ status, body: text, retryAfter }) => {
      try {
        return { status, json: text ? JSON.parse(text) : null, retryAfter };
      } catch (error) {
        return { status: -1, json: { error: String(error) }, retryAfter: 0 };
      }
    },
    (error) => ({ status: -1, json: { error: String(error) }, retryAfter: 0 }),
  );
}

async function call(connection, step, token, method, path, body, okStatuses) {
  const started = performance.now();
  const key = method === 'POST' ? randomUUID() : null;
  let answer = await send(connection, token, method, path, body, key);
  for (let attempt = 0; answer.status === 503 && attempt < MAX_RETRIES; attempt++) {
    statusCodes['503 retried'] = (statusCodes['503 retried'] ?? 0) + 1;
    retries++;
    await sleep(Math.min(5, Math.max(0.1, answer.retryAfter)) * 1000);
    answer = await send(connection, token, method, path, body, key);
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
async function flow(connection, token, cartLines, withCode) {
  // This shopper's requests: the step's name, the request, and the refusals the run may expect.
  const ask = (step, method, path, body, expected) =>
    call(connection, step, token, method, path, body, expected);
  const created = await ask('create', 'POST', '/carts', { currency: 'EUR' }, []);
  const cartId = created.json?.cartId;
  if (!cartId) return true;
  for (const line of cartLines) {
    const added = await ask('add', 'POST', `/carts/${cartId}/lines`, line, [409]);
    if (added.status === 409 && mode === 'flash') return false;
  }
  await ask('address', 'PUT', `/carts/${cartId}/shipping-address`, { shippingAddress: address }, []);
  if (withCode) {
    // A used-up limit refuses the code (400 naming `code`): only the flash sale's end expects it.
    const expected = mode === 'flash' ? [400] : [];
    const entered = await ask('coupon', 'POST', `/carts/${cartId}/coupons`, { code }, expected);
    if (entered.status === 400) return false;
  }
  const query = new URLSearchParams({
    currency: 'EUR',
    lines: cartLines.map((l) => `${l.productId}*${l.quantity}`).join(','),
    country: address.country,
    postalCode: address.postalCode,
  });
  await ask('options', 'GET', `/shipping/options?${query}`, undefined, []);
  await ask('start', 'POST', `/carts/${cartId}/checkout/start`, undefined, [400, 409]);
  const checkout = await ask('checkout', 'POST', `/carts/${cartId}/checkout`, {}, [400, 409]);
  finished(checkout.status === 201);
  return checkout.status === 201 || mode !== 'flash';
}

/** One baseline order, counted as a flow of one request. */
async function order(connection, token) {
  const body = { currency: 'EUR', lines: lines(), shippingAddress: address };
  const placedNow = await call(connection, 'order', token, 'POST', '/orders', body, []);
  finished(placedNow.status === 201);
}

/** Counts a finished flow (or order), placed or refused, in the window or not. */
function finished(placedIt) {
  flows++;
  const counted = inWindow(performance.now());
  if (counted) windowFlows++;
  if (placedIt) {
    placed++;
    if (counted) windowPlaced++;
    lastSuccessMs = performance.now() - begun;
  } else refused++;
}

async function worker(index) {
  const token = tokens[index % tokens.length];
  const connection = rawHttpConnection(target.hostname, Number(target.port));
  try {
    while (performance.now() < deadline) {
      if (mode === 'order') await order(connection, token);
      else if (mode === 'flow') await flow(connection, token, lines(), false);
      else if (mode === 'coupon') await flow(connection, token, lines(), true);
      else if (!(await flow(connection, token, [{ productId: flashProductId, quantity: 1 }], true))) return; // sold out
    }
  } finally {
    connection.close(); // an open socket would keep this process alive
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
    // This process's own CPU (user and system), which the server under test did not get.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }),
);
