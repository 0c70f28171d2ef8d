import { z } from '@hono/zod-openapi';
import { Text } from '../../infra/http/openapi-schemas.ts';
import type { Context } from 'hono';
import {
  comparePositions,
  parsePositionToken,
  positionToToken,
  type Position,
} from '../../ports/position.ts';
import { HttpProblem } from '../../infra/http/problem.ts';

/** The consistency token a write answered with (`QM-Position`, `position`): `<commit>:<prepare>`. */
export const ConsistencyToken = Text.regex(
  /^\d{1,20}:\d{1,20}$/,
  'must be the consistency token a write returned, such as "752:1044"',
).openapi({ example: '752:1044' });

/** Query parameter form (`?after=752:1044`), for links and browsers. */
export const consistencyQuery = {
  after: ConsistencyToken.optional().openapi({
    description:
      'Read your writes: wait (bounded) until this answer includes the write that returned this token.',
  }),
};

/** Header form, for API clients. */
export const consistencyHeaders = z.object({
  'x-consistency-token': ConsistencyToken.optional().openapi({
    description:
      'Read your writes: wait (bounded) until this answer includes the write that returned this token.',
  }),
});

/**
 * The position a client wants to have been read, from the header or the query (both validated by
 * the route's schemas, so a bad token was already answered with a 400 naming the field).
 */
export function requestedPosition(c: Context): Position | undefined {
  const token = c.req.header('x-consistency-token') ?? c.req.query('after');
  return token === undefined ? undefined : (parsePositionToken(token) ?? undefined);
}

/**
 * How long a token past the log's visible head may take to become visible. On PostgreSQL a write
 * that has answered is hidden from readers while a transaction that started before it still runs
 * (appends are short), so a real token can be briefly ahead; a made-up one stays ahead.
 */
const HEAD_GRACE_MS = 500;
const HEAD_POLL_MS = 20;

/**
 * Refuses (400, naming the token and where it came from) a token beyond the event log's head: no
 * write returned it, and waiting for it would hold the connection for the whole read wait and then
 * answer stale. A token the head reaches within a short grace passes, and so does one that names a
 * committed event (`isCommitted`): a long transaction elsewhere in the cluster can hold the head
 * back for longer than the grace, and a client that passes the position its write answered must
 * get its read (stale-marked if the wait runs out), not a 400.
 */
export async function refuseTokenBeyondHead(
  c: Context,
  requested: Position,
  headPosition: () => Promise<Position | null>,
  waitMs: number,
  isCommitted?: (position: Position) => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + Math.min(waitMs, HEAD_GRACE_MS);
  for (;;) {
    const head = await headPosition();
    if (head && comparePositions(requested, head) <= 0) return;
    if (Date.now() >= deadline) {
      if (isCommitted && (await isCommitted(requested))) return;
      throw tokenAhead(c, requested, head);
    }
    await new Promise((resolve) => setTimeout(resolve, HEAD_POLL_MS));
  }
}

function tokenAhead(c: Context, requested: Position, head: Position | null): HttpProblem {
  const path =
    c.req.header('x-consistency-token') === undefined ? 'query.after' : 'header.x-consistency-token';
  const token = positionToToken(requested);
  const message = `${token} is beyond the event log's head (${head ? positionToToken(head) : 'empty log'}): no write returned it`;
  return new HttpProblem({
    status: 400,
    code: 'consistency_token_ahead',
    title: 'Consistency token ahead of the log',
    detail: `The consistency token ${message}. Pass the position a write answered with.`,
    extensions: { token, errors: [{ path, message }] },
  });
}

/** What a read answers with besides its data: where its data stood and whether it is stale. */
export interface Freshness {
  /** The projector position the data was read at (null: the projector has applied nothing yet). */
  position: Position | null;
  /** True when the client's token was not reached within the wait: the data may predate its write. */
  stale: boolean;
  /** From the cache or computed now; absent for answers that are never cached. */
  cache?: 'hit' | 'miss';
}

// A cached answer hands out the same position object on every hit: its token is made once.
const tokens = new WeakMap<Position, string>();
function tokenOf(position: Position): string {
  let token = tokens.get(position);
  if (token === undefined) tokens.set(position, (token = positionToToken(position)));
  return token;
}

/**
 * Sets the freshness headers: `X-Read-Position`, and for a stale answer `X-Stale: true` plus a
 * `Warning` (RFC 7234's 110 "Response is stale") saying which token it could not wait for.
 */
export function freshnessHeaders(
  freshness: Freshness,
  requested: Position | undefined,
  projections: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (freshness.position) headers['X-Read-Position'] = tokenOf(freshness.position);
  if (freshness.cache) headers['X-Cache'] = freshness.cache;
  if (freshness.stale && requested) {
    headers['X-Stale'] = 'true';
    headers['Warning'] =
      `110 quartermaster "Response is stale: the ${projections.join(', ')} read model has not reached ${positionToToken(requested)} yet"`;
  }
  return headers;
}
