import type { Context } from 'hono';

/**
 * Headers that middleware know before the handler runs (the security headers, the rate-limit
 * state, the request id) and that every answer must carry, refusals included.
 *
 * They are collected per request and set once, after the handler, by the first of those
 * middleware to see the answer (each one applies after `next()`, so each also works alone). Setting them on `c.res.headers`
 * turns @hono/node-server's plain header object into a full `Headers` and costs the cached
 * product detail about a third of its requests per second; so a responder that builds its own
 * answer with a plain header object (`fastJson`) takes them into that object instead, and the
 * answer is then left alone.
 */
interface Pending {
  headers: Record<string, string>;
  /** The answer that already carries them; another answer (an error thrown later) still gets them. */
  carriedBy?: Response;
  /** The `fastJson` answer, whose headers are best not read (reading builds the `Headers`). */
  fast?: Response;
}

// Keyed by the request's context: no Env type to thread through every app, and gone with it.
const pending = new WeakMap<Context, Pending>();

/**
 * Adds headers every answer to this request carries. Call before `next()`, and
 * `applyAnswerHeaders` after it: whichever middleware applies first sets them all, the others
 * find them set.
 */
export function addAnswerHeaders(c: Context, headers: Record<string, string>): void {
  const entry = pending.get(c);
  if (entry) Object.assign(entry.headers, headers);
  else pending.set(c, { headers: { ...headers } });
}

/**
 * A header of the answer for a log line: from the answer headers, else from the answer itself
 * unless it was built by `fastJson` (which carries none but the answer headers and the route's own).
 */
export function answerHeaderForLog(c: Context, name: string): string | undefined {
  const entry = pending.get(c);
  const collected = entry?.headers[name];
  if (collected !== undefined || (entry?.fast && entry.fast === c.res)) return collected;
  return c.res.headers.get(name) ?? undefined;
}

/**
 * A JSON answer from an already serialized body, with a plain header object that includes the
 * answer headers: @hono/node-server writes it straight out.
 */
export function fastJson(
  c: Context,
  body: string,
  headers: Record<string, string>,
  status: 200 | 404 = 200,
): Response {
  const entry = pending.get(c);
  const response = new Response(body, {
    status,
    headers: { ...entry?.headers, ...headers, 'Content-Type': 'application/json' },
  });
  if (entry) entry.carriedBy = entry.fast = response;
  else pending.set(c, { headers: {}, carriedBy: response, fast: response });
  return response;
}

/** Sets the collected headers on the answer, unless it was built carrying them. */
export function applyAnswerHeaders(c: Context): void {
  const entry = pending.get(c);
  if (!entry || entry.carriedBy === c.res) return;
  const headers = c.res.headers;
  for (const name in entry.headers) headers.set(name, entry.headers[name]!);
  entry.carriedBy = c.res;
}
