import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { once } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from './api-app.ts';
import { answerClientErrorsAsProblems } from './answer-client-errors.ts';
import { clientIpResolver } from './client-ip.ts';
import { readErrorHandler } from './error-handler.ts';
import type { HttpGuards } from './http-guards.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import { listen, type BoundServer } from '../../ops/server/listen.ts';

const MB = 1024 * 1024;
const guards: HttpGuards = {
  // One trusted proxy: the test picks its client address with X-Forwarded-For.
  clientIp: clientIpResolver(1),
  ipBlockList: ['203.0.113.0/24', '2001:db8::/32'],
  bodyLimitBytes: MB,
  uploadLimits: [{ pathPrefix: '/imports/', bytes: 4 * MB }],
  corsOrigins: ['https://shop.example.com'],
  requestTimeoutMs: 300,
};

/** Never settles until the test ends: the timed-out handler. */
let releaseSlow: () => void = () => undefined;
const slow = new Promise<void>((resolve) => (releaseSlow = resolve));

function app() {
  const api = createApiApp({
    onError: readErrorHandler({ log: { error: () => undefined } }),
    title: 'guarded',
    description: 'guarded',
    guards,
  });
  api.get('/products', (c) => c.json({ items: [] }));
  api.post('/orders', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }, 201));
  api.post('/imports/products', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }, 201));
  api.get('/slow', async (c) => {
    await slow;
    return c.json({ done: true });
  });
  return api;
}

let server: ServerType;
let base: string;
let port: number;
beforeAll(async () => {
  server = serve({ fetch: app().fetch, hostname: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  releaseSlow();
  (server as Server).closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  expect(await response.json()).toMatchObject({ status, code });
}

describe('the HTTP guards of an API', () => {
  it('sets the security headers on answers and refusals alike', async () => {
    for (const response of [await fetch(`${base}/products`), await fetch(`${base}/nowhere`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
      await response.arrayBuffer();
    }
  });

  it('answers CORS for the allowed origin only, with credentials and never *', async () => {
    const allowed = await fetch(`${base}/products`, { headers: { origin: 'https://shop.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('RateLimit-Remaining');
    const other = await fetch(`${base}/products`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/orders`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    // A caller that is no browser (no Origin) gets no CORS headers, but a shared cache still learns
    // that a browser's answer differs.
    const server = await fetch(`${base}/products`);
    expect(server.headers.get('access-control-allow-credentials')).toBeNull();
    expect(server.headers.get('vary')).toBe('Origin');
    expect(allowed.headers.get('vary')).toContain('Origin');
  });

  it('refuses blocked addresses and ranges with 403 problem+json', async () => {
    for (const address of ['203.0.113.45', '2001:db8::1']) {
      await expectProblem(
        await fetch(`${base}/products`, { headers: { 'x-forwarded-for': address } }),
        403,
        'address_blocked',
      );
    }
    expect((await fetch(`${base}/products`, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(
      200,
    );
  });

  it('refuses a declared body over the limit with 413 before reading it, and takes one under it', async () => {
    await expectProblem(
      await fetch(`${base}/orders`, { method: 'POST', body: new Uint8Array(MB + 1) }),
      413,
      'payload_too_large',
    );
    const under = await fetch(`${base}/orders`, { method: 'POST', body: new Uint8Array(MB) });
    expect(under.status).toBe(201);
    expect(await under.json()).toEqual({ bytes: MB });
  });

  it('takes a POST with neither Content-Length nor Transfer-Encoding as one without a body', async () => {
    // Written by hand: Node's client would send such a POST chunked.
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write('POST /orders HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n');
    const parts: Buffer[] = [];
    socket.on('data', (part: Buffer) => parts.push(part));
    await once(socket, 'end');
    const answer = Buffer.concat(parts).toString();
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 201 Created');
    expect(answer.endsWith('{"bytes":0}')).toBe(true);
  });

  it('gives upload routes their own larger limit', async () => {
    const upload = await fetch(`${base}/imports/products`, { method: 'POST', body: new Uint8Array(3 * MB) });
    expect(upload.status).toBe(201);
    await expectProblem(
      await fetch(`${base}/imports/products`, { method: 'POST', body: new Uint8Array(5 * MB) }),
      413,
      'payload_too_large',
    );
  });

  it('answers a streamed 20 MB body 413 after reading about the limit, long before the client has sent it all', async () => {
    const total = 20 * MB;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/orders',
      headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/octet-stream' },
    });
    let sent = 0;
    let answered: { status: number; body: string; sentWhenAnswered: number } | undefined;
    const answer = new Promise<void>((resolve, reject) => {
      request.on('response', (response) => {
        const parts: Buffer[] = [];
        const sentWhenAnswered = sent;
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          answered = {
            status: response.statusCode ?? 0,
            body: Buffer.concat(parts).toString(),
            sentWhenAnswered,
          };
          resolve();
        });
      });
      request.on('error', (error) => (answered ? resolve() : reject(error)));
    });
    // Send as the server reads (honouring back-pressure), and stop once it has answered.
    while (sent < total && !answered) {
      sent += chunk.length;
      if (!request.write(chunk)) {
        await Promise.race([once(request, 'drain'), answer]);
      }
    }
    await answer;
    request.destroy();
    expect(answered?.status).toBe(413);
    expect(JSON.parse(answered!.body)).toMatchObject({ code: 'payload_too_large', limitBytes: MB });
    // The answer came while most of the 20 MB was still unsent: the server stopped reading.
    expect(answered!.sentWhenAnswered).toBeLessThan(total / 2);
  });

  it('answers a handler that runs too long with 503 problem+json', async () => {
    const response = await fetch(`${base}/slow`);
    await expectProblem(response, 503, 'request_timeout');
    expect(response.headers.get('retry-after')).toBe('1');
  });
});

describe('the server-level headers timeout', () => {
  let bound: BoundServer;
  beforeAll(async () => {
    bound = await listen({
      hostname: '127.0.0.1',
      port: 0,
      what: 'test',
      variable: 'PORT',
      headersTimeoutMs: 500,
    });
    answerClientErrorsAsProblems(bound.server);
    // As `qm serve` does: the API mounted in the process's own app.
    bound.serve(new Hono().route('/', app()));
  });
  afterAll(async () => {
    bound.server.closeAllConnections();
    await new Promise<void>((resolve) => bound.server.close(() => resolve()));
  });

  it('answers a client that never finishes its headers 408 problem+json and closes the connection', async () => {
    const address = bound.server.address() as AddressInfo;
    const socket = connect({ host: '127.0.0.1', port: address.port });
    await once(socket, 'connect');
    // A slowloris client: the request line and one header, then nothing.
    socket.write('GET /products HTTP/1.1\r\nHost: x\r\n');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    await once(socket, 'close');
    const text = Buffer.concat(chunks).toString();
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain(PROBLEM_CONTENT_TYPE);
    expect(text).toContain('"code":"request_timeout"');
  });
});
