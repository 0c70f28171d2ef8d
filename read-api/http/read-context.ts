import type { Context } from 'hono';
import { comparePositions, type Position } from '../../ports/position.ts';
import type { ReadApiDeps } from '../read-api-deps.ts';
import type { authenticate } from './auth.ts';
import { HttpProblem } from '../../infra/http/problem.ts';
import { freshnessHeaders, refuseTokenBeyondHead, requestedPosition, type Freshness } from './consistency.ts';
import type { ReadModels, ReadModelView } from './read-models.ts';
import { isCachedTag } from '../../projections/cache-tags.ts';

/** What route modules get: the deps plus read-model access and the authentication middleware. */
export interface ReadContext extends ReadApiDeps {
  readModels: ReadModels;
  /**
   * Per route (`middleware: [ctx.authenticated, ...]`), never `use('*')`: the read API can then be
   * mounted beside other apps without its authentication catching their routes, or theirs its own.
   */
  authenticated: ReturnType<typeof authenticate>;
}

/** The client's token, once it is known not to be beyond the log's head. */
async function requestedWithinHead(ctx: ReadContext, c: Context): Promise<Position | undefined> {
  const requested = requestedPosition(c);
  if (requested && ctx.headPosition) {
    await refuseTokenBeyondHead(c, requested, ctx.headPosition, ctx.consistencyWaitMs, ctx.isCommitted);
  }
  return requested;
}

const isBehind = (position: Position | null, requested: Position | undefined) =>
  requested !== undefined && (position === null || comparePositions(position, requested) < 0);

/**
 * Reads through the cache, honouring the client's consistency token: an entry older than the
 * token is bypassed; computing first waits (bounded) for the projection to pass the token. The
 * answer is marked stale when its data still predates the token.
 *
 * `compute` returns the answer, or null for "no such thing" (also cached, so probing for missing
 * ids costs nothing; the tags invalidate it when the thing appears).
 */
export async function cachedRead<Database>(
  ctx: ReadContext,
  c: Context,
  spec: {
    projection: string;
    key: string;
    kind: string;
    tags: readonly string[];
    compute: (view: ReadModelView<Database>) => Promise<unknown>;
  },
): Promise<{ body: string | null; headers: Record<string, string> }> {
  const uncached = spec.tags.find((tag) => !isCachedTag(tag));
  // A programming error, caught by any test of the route: projectors would never invalidate it.
  if (uncached !== undefined)
    throw new Error(
      `cache tag "${uncached}" is not of a cached family: add its family in projections/cache-tags.ts`,
    );
  const requested = await requestedWithinHead(ctx, c);
  const answer = await ctx.cache.read({
    key: spec.key,
    kind: spec.kind,
    tags: spec.tags,
    minPosition: requested,
    compute: async () => {
      if (requested) await ctx.readModels.waitFor([spec.projection], requested, ctx.consistencyWaitMs);
      return ctx.readModels.read<Database, { body: string; position: Position | null }>(
        spec.projection,
        async (view) => ({
          body: JSON.stringify((await spec.compute(view)) ?? null),
          position: view.position,
        }),
      );
    },
  });
  const freshness: Freshness = {
    position: answer.position,
    stale: isBehind(answer.position, requested),
    cache: answer.hit ? 'hit' : 'miss',
  };
  return {
    body: answer.body === 'null' ? null : answer.body,
    headers: freshnessHeaders(freshness, requested, [spec.projection]),
  };
}

/**
 * Reads without caching (per-user and staff answers), with the same wait and stale marking. A 404
 * that `work` throws carries the freshness headers too: when stale, "not projected yet" must not
 * look like "does not exist".
 */
export async function freshRead<Database, T>(
  ctx: ReadContext,
  c: Context,
  projection: string,
  work: (view: ReadModelView<Database>) => Promise<T>,
): Promise<{ value: T; headers: Record<string, string> }> {
  const requested = await requestedWithinHead(ctx, c);
  if (requested) await ctx.readModels.waitFor([projection], requested, ctx.consistencyWaitMs);
  let position: Position | null = null;
  const headers = () =>
    freshnessHeaders({ position, stale: isBehind(position, requested) }, requested, [projection]);
  try {
    const value = await ctx.readModels.read<Database, T>(projection, (view) => {
      position = view.position;
      return work(view);
    });
    return { value, headers: headers() };
  } catch (error) {
    throw withFreshness(error, headers());
  }
}

/** A 404 problem answered with the read's freshness headers (`X-Stale` when the wait ran out). */
export function withFreshness(error: unknown, headers: Record<string, string>): unknown {
  if (error instanceof HttpProblem && error.status === 404) Object.assign(error.headers, headers);
  return error;
}
