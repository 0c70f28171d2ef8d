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
  /** The header objects added, in order (a later one wins a name): kept, not copied, per request. */
  parts: Record<string, string>[];
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
 * find them set. The object is kept as given (a guard passes the same constant object to every
 * request), so it must not change afterwards.
 */
export function addAnswerHeaders(c: Context, headers: Record<string, string>): void {
  const entry = pending.get(c);
  if (entry) entry.parts.push(headers);
  else pending.set(c, { parts: [headers] });
}

/**
 * A header of the answer for a log line: from the answer headers, else from the answer itself
 * unless it was built by `fastJson` (which carries none but the answer headers and the route's own).
 */
export function answerHeaderForLog(c: Context, name: string): string | undefined {
  const entry = pending.get(c);
  if (entry) {
    for (let i = entry.parts.length - 1; i >= 0; i--) {
      const value = entry.parts[i]![name];
      if (value !== undefined) return value;
    }
    if (entry.fast && entry.fast === c.res) return undefined;
  }
  return c.res.headers.get(name) ?? undefined;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

/**
 * A JSON answer from an already serialized body, with a plain header object that includes the
 * answer headers: @hono/node-server writes it straight out. Headers set with `c.header()` before
 * are not in it: a responder that uses this passes its own in `headers`, and middleware before it
 * add theirs with `addAnswerHeaders` (what touched `c.res` first, Hono's CORS for a browser, is
 * merged in by Hono when the answer is set).
 */
export function fastJson(
  c: Context,
  body: string,
  headers: Record<string, string>,
  status: 200 | 201 | 404 = 200,
): Response {
  const entry = pending.get(c);
  const all: Record<string, string> = {};
  if (entry) for (const part of entry.parts) Object.assign(all, part);
  const response = new Response(body, { status, headers: Object.assign(all, headers, JSON_TYPE) });
  if (entry) entry.carriedBy = entry.fast = response;
  else pending.set(c, { parts: [], carriedBy: response, fast: response });
  return response;
}

/** Sets the collected headers on the answer, unless it was built carrying them. */
export function applyAnswerHeaders(c: Context): void {
  const entry = pending.get(c);
  if (!entry || entry.carriedBy === c.res) return;
  const headers = c.res.headers;
  for (const part of entry.parts) for (const name in part) headers.set(name, part[name]!);
  entry.carriedBy = c.res;
}
