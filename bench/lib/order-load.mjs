// The HTTP benchmark's load generator for order placement, run as a second process so that it
// never shares an event loop (or a core's accounting) with the server it measures.
// Argument: JSON { url | urls, token, connections, seconds, skus, hotShare, lines, address }. With
// `urls` (several API processes, as a proxy in front would spread them), the connections are
// shared out among them; rps and counts add up, and p50/p99 are the worst of the processes'.
// Every request is a POST /orders of `lines` lines (SKU p0 in `hotShare` of them) with a fresh
// Idempotency-Key, as a storefront sends it. Prints JSON { rps, p50, p99, total, non2xx, errors,
// statusCodes, samples }, where samples are [consistency token, epoch ms of the answer] pairs: the
// benchmark turns them into projection lag against the projectors' checkpoints.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const { url, urls, token, connections, seconds, skus, hotShare, lines, address } = JSON.parse(
  process.argv[2],
);
const targets = urls ?? [url];

function orderBody() {
  const products = new Set();
  if (Math.random() < hotShare) products.add(0);
  while (products.size < lines) products.add(1 + Math.floor(Math.random() * (skus - 1)));
  return JSON.stringify({
    currency: 'EUR',
    lines: [...products].map((p) => ({ productId: `p${p}`, quantity: 1 + Math.floor(Math.random() * 2) })),
    shippingAddress: address,
  });
}

const samples = [];
const statusCodes = {};
const headerOf = (headers, name) => {
  if (!headers) return undefined;
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2)
      if (String(headers[i]).toLowerCase() === name) return headers[i + 1];
    return undefined;
  }
  return headers[name] ?? headers[name.toLowerCase()];
};

const load = (target, share) =>
  autocannon({
    url: target,
    connections: share,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/orders',
        setupRequest: (request) => ({
          ...request,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'idempotency-key': randomUUID(),
          },
          body: orderBody(),
        }),
        onResponse: (status, _body, _context, headers) => {
          const at = performance.timeOrigin + performance.now();
          statusCodes[status] = (statusCodes[status] ?? 0) + 1;
          const position = headerOf(headers, 'qm-position');
          if (status === 201 && position) samples.push([String(position), at]);
        },
      },
    ],
  });
const shares = targets.map(
  (_, i) => Math.floor(connections / targets.length) + (i < connections % targets.length ? 1 : 0),
);
const results = await Promise.all(targets.map((target, i) => load(target, shares[i])));
const sum = (pick) => results.reduce((total, r) => total + pick(r), 0);
const worst = (pick) => Math.max(...results.map(pick));
process.stdout.write(
  JSON.stringify({
    rps: sum((r) => r.requests.average),
    p50: worst((r) => r.latency.p50),
    p99: worst((r) => r.latency.p99),
    total: sum((r) => r.requests.total),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    samples,
  }),
);
