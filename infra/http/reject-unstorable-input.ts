import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { FieldError } from './problem.ts';
import { findTextFaults, isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text.ts';
import { fieldErrors, formatIssuePath, validationProblem } from './validation-problem.ts';

/** The body types the routes' JSON validators read (the same test @hono/zod-openapi applies). */
const JSON_CONTENT_TYPE = /^application\/([a-z-.]+\+)?json/i;

/**
 * The edge's guard against text PostgreSQL cannot store (see storable-text.ts), mounted first on
 * both APIs: `app.use('*', rejectUnstorableInput())`. It looks at everything a handler could
 * pass on to SQL or an event, whatever the route's schemas declare:
 * - the path (a NUL arrives as `%00`), named `param.<name>` where the matched route has one;
 * - every query parameter, names and values;
 * - a JSON body: every string and every object key, at any depth, plus a cap on nesting.
 *
 * Headers need no check: they are ByteStrings, and both the WHATWG `Headers` class and Node's
 * HTTP parser refuse NUL, so no header value can hold one or a surrogate. Not reading them keeps
 * hot GET routes from materialising every header (see read-api/http/light-route.ts).
 *
 * The route schemas carry the same rule (`Text` in openapi-schemas.ts); this guard also covers
 * JSON keys, free-form values (`z.unknown()`), headers read by hand, and any field a schema
 * forgets. A refused request is a 400 `validation_failed` naming each field, before any handler
 * or middleware that writes runs.
 */
export function rejectUnstorableInput(): MiddlewareHandler {
  return async (c, next) => {
    // A read whose URL has no percent sign cannot carry such text: the HTTP parser refuses a raw
    // NUL, and raw bytes that decode to a lone surrogate do not exist in UTF-8. Hot reads skip the rest.
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.req.url.includes('%')) return next();
    const errors = [...pathErrors(c), ...queryErrors(c), ...(await bodyErrors(c))];
    if (errors.length > 0) throw validationProblem(errors);
    await next();
  };
}

function pathErrors(c: Context): FieldError[] {
  // Hono's path is already percent-decoded, so `%00` is a NUL here, as it will be in a param.
  const path = c.req.path;
  if (isStorableText(path)) return [];
  const pattern = routePath(c, -1).split('/');
  return path.split('/').flatMap((segment, index): FieldError[] => {
    if (isStorableText(segment)) return [];
    const name = pattern[index]?.match(/^:(\w+)/)?.[1];
    return [{ path: name ? `param.${name}` : 'path', message: UNSTORABLE_TEXT_MESSAGE }];
  });
}

function queryErrors(c: Context): FieldError[] {
  if (!c.req.url.includes('?')) return [];
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (!isStorableText(name)) {
      errors.push({
        path: formatIssuePath([JSON.stringify(name)], 'query'),
        message: UNSTORABLE_TEXT_MESSAGE,
      });
    } else if (!values.every(isStorableText)) {
      errors.push({ path: formatIssuePath([name], 'query'), message: UNSTORABLE_TEXT_MESSAGE });
    }
  }
  return errors;
}

async function bodyErrors(c: Context): Promise<FieldError[]> {
  // Reads carry no body: hot GET routes skip even the header lookup.
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return [];
  if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) return [];
  // The raw bytes, which Hono caches: the validators, the idempotency fingerprint and the Stripe
  // signature check all read the body afterwards exactly as it arrived.
  const bytes = await c.req.arrayBuffer();
  const text = new TextDecoder().decode(bytes);
  // Hono would make this text again for the validators' `json()` through a WHATWG Response built
  // around the cached bytes, for every POST: it is kept beside them instead. Hono's cache holds
  // promises (its type says values; `json()` calls `.then` on the entry).
  (c.req.bodyCache as { text?: Promise<string> }).text ??= Promise.resolve(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return []; // Malformed JSON: the route's validator answers it as such.
  }
  return fieldErrors(findTextFaults(body), 'json');
}
