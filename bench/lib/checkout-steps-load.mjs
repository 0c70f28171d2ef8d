// The checkout-steps diagnosis's load generator (bench/suites/checkout-steps.ts), a second process
// like every load of the benches. It runs one step of the storefront flow for every cart, 16
// connections at once, and keeps the carts in a state file between its runs, so that the bench
// can measure each step apart, with qm work idle before and after it.
// Argument: JSON { step, url, tokens, connections, cartsPerClient, products, address, stateFile }.
// `step`: create | add0 | add1 | add2 | address | options | start | checkout. `create` makes
// `cartsPerClient` carts per connection, each to hold the hot product and two others.
// Prints JSON { step, requests, statusCodes, errorSample, elapsedMs }.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';

const { step, url, tokens, connections, cartsPerClient, products, address, stateFile } = JSON.parse(
  process.argv[2],
);
const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : { carts: [] };
const statusCodes = {};
let requests = 0;
let errorSample = null;

async function send(token, method, path, body) {
  const headers = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['idempotency-key'] = randomUUID();
  const response = await globalThis.fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
  requests++;
  if (response.status >= 400 && errorSample === null)
    errorSample = { step, status: response.status, body: text };
  return text ? JSON.parse(text) : null;
}

/** The hot product (index 0) and two others, one unit each. */
function lines() {
  const chosen = new Set([0]);
  while (chosen.size < 3) chosen.add(1 + Math.floor(Math.random() * (products.length - 1)));
  return [...chosen].map((i) => ({ productId: products[i], quantity: 1 }));
}

async function worker(client) {
  const token = tokens[client % tokens.length];
  if (step === 'create') {
    for (let k = 0; k < cartsPerClient; k++) {
      const created = await send(token, 'POST', '/carts', { currency: 'EUR' });
      state.carts.push({ client, cartId: created.cartId, lines: lines() });
    }
    return;
  }
  for (const cart of state.carts.filter((c) => c.client === client)) {
    const at = `/carts/${cart.cartId}`;
    const line = /^add(\d)$/.exec(step);
    if (line) await send(token, 'POST', `${at}/lines`, cart.lines[Number(line[1])]);
    else if (step === 'address')
      await send(token, 'PUT', `${at}/shipping-address`, { shippingAddress: address });
    else if (step === 'options') {
      const query = new URLSearchParams({
        currency: 'EUR',
        lines: cart.lines.map((l) => `${l.productId}*${l.quantity}`).join(','),
        country: address.country,
        postalCode: address.postalCode,
      });
      await send(token, 'GET', `/shipping/options?${query}`);
    } else if (step === 'start') await send(token, 'POST', `${at}/checkout/start`);
    else if (step === 'checkout') await send(token, 'POST', `${at}/checkout`, {});
    else throw new Error(`unknown step ${step}`);
  }
}

const begun = performance.now();
await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
writeFileSync(stateFile, JSON.stringify(state));
process.stdout.write(
  JSON.stringify({ step, requests, statusCodes, errorSample, elapsedMs: performance.now() - begun }),
);
