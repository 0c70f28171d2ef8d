import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrorsAsProblems } from './answer-client-errors.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';

/** Sends `request` as raw bytes (no client would send some of these) and returns the raw answer. */
async function rawExchange(
  port: number,
  request: string,
): Promise<{ status: number; head: string; body: string }> {
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  socket.end(request);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(socket, 'close');
  const text = Buffer.concat(chunks).toString('utf8');
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head, body };
}

describe('answerClientErrorsAsProblems on a @hono/node-server server', () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    const app = new Hono();
    app.get('/products', (c) => c.json({ items: [] }));
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    answerClientErrorsAsProblems(server);
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const problemOf = (answer: { head: string; body: string }) => {
    expect(answer.head.toLowerCase()).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
    return JSON.parse(answer.body) as { status: number; code: string };
  };

  it('answers a URL longer than the parser takes with a 414 problem (Node alone sends a bare 431)', async () => {
    const answer = await rawExchange(
      port,
      `GET /products?brand=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer.status).toBe(414);
    expect(problemOf(answer)).toMatchObject({ status: 414, code: 'uri_too_long' });
  });

  it('answers headers larger than the parser takes with a 431 problem', async () => {
    const answer = await rawExchange(
      port,
      `GET /products HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(problemOf(answer)).toMatchObject({ status: 431, code: 'request_header_fields_too_large' });
  });

  it('answers a NUL in a header, or a garbled request line, with a 400 problem', async () => {
    const nul = await rawExchange(
      port,
      'GET /products HTTP/1.1\r\nHost: x\r\nX-Consistency-Token: 1\u0000\r\n\r\n',
    );
    expect(nul.status).toBe(400);
    expect(problemOf(nul)).toMatchObject({ status: 400, code: 'malformed_request' });
    const garbled = await rawExchange(port, 'GET\u0000 / HTTP/1.1\r\n\r\n');
    expect(garbled.status).toBe(400);
    expect(problemOf(garbled)).toMatchObject({ code: 'malformed_request' });
  });

  it('leaves well-formed requests to the app', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/products?brand=${'a'.repeat(4000)}`);
    expect(response.status).toBe(200);
  });
});
