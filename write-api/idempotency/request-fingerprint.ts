import { createHash } from 'node:crypto';

export interface FingerprintInput {
  method: string;
  /** Path and query string: a different target is a different request. */
  target: string;
  /** Actor id, or empty for anonymous callers. */
  actor: string;
  /**
   * The `If-Match` precondition. A retry after a version conflict carries a new revision: with the
   * old key that is a different request (422, use a new key), not a replay of the stale 409.
   */
  ifMatch?: string | undefined;
  contentType: string | undefined;
  body: Uint8Array;
}

/**
 * A digest of what makes two requests "the same" for an idempotency key: method, target, actor,
 * `If-Match` and body. A JSON body is hashed in a canonical form (keys sorted, no whitespace) so that a client
 * that re-serialises the same object on retry is not told it sent a different request.
 */
export function requestFingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  for (const part of [input.method.toUpperCase(), input.target, input.actor, input.ifMatch ?? '']) {
    hash.update(part).update('\0');
  }
  hash.update(canonicalBody(input.contentType, input.body));
  return hash.digest('base64url');
}

function canonicalBody(contentType: string | undefined, body: Uint8Array): Uint8Array | string {
  if (body.length === 0 || !contentType || !/^application\/([\w.-]+\+)?json\b/i.test(contentType))
    return body;
  try {
    return canonicalJson(JSON.parse(new TextDecoder().decode(body)));
  } catch {
    return body; // Not JSON after all: the bytes are the request.
  }
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
