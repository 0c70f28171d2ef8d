import type { StoredResponse } from './idempotency-store.ts';

/** The header that tells a client it got a recorded answer, not a fresh one. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const replayedNames = new Set(['content-type', 'etag', 'location', 'last-modified']);

/**
 * Headers that belong to the answer and must come back on replay: its type, the new resource's
 * location and version, and the application's own (`x-*`, `qm-*`, e.g. the consistency token).
 * Hop-by-hop and per-response headers (date, content-length, set-cookie) are left out.
 */
export function replayableHeaders(headers: Headers): [string, string][] {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (replayedNames.has(lower) || lower.startsWith('x-') || lower.startsWith('qm-'))
      kept.push([lower, value]);
  });
  return kept;
}

/**
 * Reads the answer a handler produced once, for the record, and gives back an equal response to
 * send. Cheaper than `response.clone()`, which tees the body into two streams: the rebuilt response
 * holds its body as bytes, which the Node adapter writes out directly.
 */
export async function takeForRecord(response: Response): Promise<{ send: Response; stored: StoredResponse }> {
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
