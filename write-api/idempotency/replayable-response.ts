import type { StoredResponse } from './idempotency-store.ts';

/** The header that tells a client it got a recorded answer, not a fresh one. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const replayedNames = new Set(['content-type', 'etag', 'location', 'last-modified']);

/**
 * Headers that belong to the answer and must come back on replay: its type, the new resource's
 * location and version, and the application's own (`x-*`, `qm-*`, e.g. the consistency token).
 * Hop-by-hop and per-response headers (date, content-length, set-cookie) are left out.
 */
export function replayableHeaders(headers: Headers | Record<string, string>): [string, string][] {
  const kept: [string, string][] = [];
  const keep = (value: string, name: string) => {
    const lower = name.toLowerCase();
    if (replayedNames.has(lower) || lower.startsWith('x-') || lower.startsWith('qm-'))
      kept.push([lower, value]);
  };
  if (headers instanceof Headers) headers.forEach(keep);
  else for (const name in headers) keep(headers[name]!, name);
  return kept;
}

/**
 * Reads the answer a handler produced once, for the record, and gives back an equal response to
 * send. Cheaper than `response.clone()`, which tees the body into two streams: the rebuilt response
 * holds its body as bytes, which the Node adapter writes out directly.
 */
export async function takeForRecord(response: Response): Promise<{ send: Response; stored: StoredResponse }> {
  const deferred = deferredAnswer(response);
  if (deferred !== undefined) {
    // Nothing was read from the response: it goes out as it is. Its plain header object, where it
    // has one (`fastJson`), is read as it is: asking for `headers` would build a `Headers` from it.
    const headers = replayableHeaders(deferred.headers ?? response.headers);
    const stored = { status: response.status, headers, body: new TextEncoder().encode(deferred.text) };
    return { send: response, stored };
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const bodyless = response.status === 204 || response.status === 205 || response.status === 304;
  return {
    send: new Response(bodyless ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
    stored: { status: response.status, headers: replayableHeaders(response.headers), body },
  };
}

/** A fresh response equal to the recorded one, marked as replayed. */
export function replayResponse(stored: StoredResponse): Response {
  const headers = new Headers(stored.headers);
  headers.set(REPLAYED_HEADER, 'true');
  const bodyless = stored.status === 204 || stored.status === 205 || stored.status === 304;
  return new Response(bodyless ? null : stored.body, { status: stored.status, headers });
}

/**
 * The text of an answer the Node adapter made (`c.json`, `c.text`, `fastJson`), and its header
 * object when that is still the plain one it was given: its `Response` keeps the status, text and
 * headers as given, and builds the WHATWG response, with a stream around the text, only when
 * something reads it. `arrayBuffer()` would do that on every recorded write, and the rebuilt answer
 * for sending would be a second one. Undefined for any other response (a stream, a platform
 * `Response`, a later adapter that keeps its fields otherwise): `takeForRecord` then reads the body
 * the standard way.
 */
function deferredAnswer(response: Response): { text: string; headers?: Record<string, string> } | undefined {
  const key = Object.getOwnPropertySymbols(response).find((symbol) => symbol.description === 'cache');
  const cache: unknown =
    key === undefined ? undefined : (response as unknown as Record<symbol, unknown>)[key];
  if (!Array.isArray(cache) || cache[0] !== response.status || typeof cache[1] !== 'string') return undefined;
  const headers: unknown = cache[2];
  const plain = typeof headers === 'object' && headers !== null && !(headers instanceof Headers);
  return plain ? { text: cache[1], headers: headers as Record<string, string> } : { text: cache[1] };
}
