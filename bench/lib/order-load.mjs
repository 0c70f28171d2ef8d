// The HTTP benchmark's load generator for order placement, run as a second process so that it
// never shares an event loop (or a core's accounting) with the server it measures.
// Argument: JSON { url, token, connections, seconds, skus, hotShare, lines, address }.
// Every request is a POST /orders of `lines` lines (SKU p0 in `hotShare` of them) with a fresh
// Idempotency-Key, as a storefront sends it. Prints JSON { rps, p50, p99, total, non2xx, errors,
// statusCodes, samples }, where samples are [consistency token, epoch ms of the answer] pairs: the
// benchmark turns them into projection lag against the projectors' checkpoints.
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const { url, token, connections, seconds, skus, hotShare, lines, address } = JSON.parse(process.argv[2]);

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

const result = await autocannon({
  url,
  connections,
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
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    samples,
  }),
);
