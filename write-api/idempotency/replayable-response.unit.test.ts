import { getRequestListener } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { replayableHeaders, replayResponse, takeForRecord } from './replayable-response.ts';

describe('replayable responses', () => {
  it("keep the answer's own headers and drop per-response ones", () => {
    const headers = new Headers({
      'Content-Type': 'application/json',
      ETag: '"3"',
      Location: '/orders/1',
      'QM-Position': '0000-0042',
      'X-Correlation-Id': 'abc',
      Date: 'Tue, 01 Jan 2030 00:00:00 GMT',
      'Set-Cookie': 'a=b',
      'Content-Length': '10',
    });
    expect(Object.fromEntries(replayableHeaders(headers))).toEqual({
      'content-type': 'application/json',
      etag: '"3"',
      location: '/orders/1',
      'qm-position': '0000-0042',
      'x-correlation-id': 'abc',
    });
  });

  it('replay the recorded status, headers and body, marked as replayed', async () => {
    const original = new Response('{"id":"o-1"}', {
      status: 201,
      headers: { 'Content-Type': 'application/json', Location: '/orders/o-1' },
    });
    const { send, stored } = await takeForRecord(original);
    expect(send.status).toBe(201);
    expect(send.headers.get('location')).toBe('/orders/o-1');
    expect(await send.text()).toBe('{"id":"o-1"}');
    const replayed = replayResponse(stored);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('location')).toBe('/orders/o-1');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.text()).toBe('{"id":"o-1"}');
    const empty = replayResponse((await takeForRecord(new Response(null, { status: 204 }))).stored);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it("send the Node adapter's answer itself and record its text, without reading it", async () => {
    // The adapter installs its own Response class in place of the platform's, as `qm serve` does.
    getRequestListener(() => new Response(null));
    const original = new Response('{"id":"o-2"}', {
      status: 201,
      headers: { 'Content-Type': 'application/json', 'QM-Position': '0000-0007' },
    });
    const { send, stored } = await takeForRecord(original);
    // Its headers were read from the plain object: no `Headers` was built from it.
    const cache = Object.getOwnPropertySymbols(original).find((symbol) => symbol.description === 'cache')!;
    const kept = (original as unknown as Record<symbol, unknown[]>)[cache]![2];
    expect(kept).not.toBeInstanceOf(Headers);
    expect(send).toBe(original);
    expect(send.bodyUsed).toBe(false);
    expect(stored.status).toBe(201);
    expect(Object.fromEntries(stored.headers)).toEqual({
      'content-type': 'application/json',
      'qm-position': '0000-0007',
    });
    expect(new TextDecoder().decode(stored.body)).toBe('{"id":"o-2"}');
    expect(await replayResponse(stored).text()).toBe('{"id":"o-2"}');
  });
});
