import { resolve, sampleValue, type OpenApiDocument, type Operation } from './openapi-operations.ts';

/** A request being built: parameters already percent-encoded, the body a JSON value or raw bytes. */
export interface Draft {
  method: string;
  path: string;
  pathParams: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: unknown;
  rawBody?: string | Uint8Array;
  /** Raw JSON text to splice in where the body holds `DEEP_MARK` (too deep to build as a value). */
  deep?: string;
}

export const DEEP_MARK = '\u2063deep\u2063';

/**
 * The request an operation takes, as valid as its document lets us tell: every required parameter
 * and body field filled (ids from `known`, so fuzzing reaches existing products and orders), with
 * an admin's token, a fresh Idempotency-Key on writes, and a JSON content type.
 */
export function baseline(
  doc: OpenApiDocument,
  operation: Operation,
  known: Record<string, string>,
  authorization: string,
  key: string,
): Draft {
  const draft: Draft = {
    method: operation.method,
    path: operation.path,
    pathParams: {},
    query: [],
    headers: { authorization },
    body: undefined,
  };
  for (const slot of operation.slots) {
    const name = String(slot.path[0]);
    if (slot.in === 'path')
      draft.pathParams[name] = encodeURIComponent(String(sampleValue(doc, slot.schema, known, name)));
    if (slot.in === 'query' && slot.required) {
      draft.query.push([name, encodeURIComponent(String(sampleValue(doc, slot.schema, known, name)))]);
    }
  }
  if (operation.method !== 'GET') draft.headers['idempotency-key'] = key;
  const body = operation.slots.find((slot) => slot.in === 'body' && slot.path.length === 0);
  if (body) {
    // A copy: examples come from the parsed document, and mutations write into the body.
    draft.body = structuredClone(sampleValue(doc, resolve(doc, body.schema), known));
    draft.headers['content-type'] = 'application/json';
  }
  return draft;
}

/** Sets `value` at `path` inside the draft's body, making the containers on the way. */
export function setInBody(draft: Draft, path: readonly (string | number)[], value: unknown): void {
  if (path.length === 0) {
    draft.body = value;
    return;
  }
  if (typeof draft.body !== 'object' || draft.body === null)
    draft.body = typeof path[0] === 'number' ? [] : {};
  let container = draft.body as Record<string | number, unknown>;
  for (const [index, segment] of path.slice(0, -1).entries()) {
    const next = container[segment];
    if (typeof next !== 'object' || next === null) {
      container[segment] = typeof path[index + 1] === 'number' ? [] : {};
    }
    container = container[segment] as Record<string | number, unknown>;
  }
  container[path.at(-1)!] = value;
}

/** The draft as `app.request(url, init)` takes it. GET requests carry no body, as fetch demands. */
export function toRequest(draft: Draft): { url: string; init: RequestInit } {
  const path = draft.path.replace(/\{(\w+)\}/g, (_, name: string) => draft.pathParams[name] ?? 'x');
  const query = draft.query.map(([name, value]) => `${name}=${value}`).join('&');
  const init: RequestInit = { method: draft.method, headers: draft.headers };
  if (draft.method !== 'GET' && draft.method !== 'HEAD') {
    if (draft.rawBody !== undefined) init.body = draft.rawBody;
    else if (draft.body !== undefined) {
      const text = JSON.stringify(draft.body);
      init.body = draft.deep ? text.replace(JSON.stringify(DEEP_MARK), draft.deep) : text;
    }
  }
  return { url: `http://localhost${path}${query ? `?${query}` : ''}`, init };
}
