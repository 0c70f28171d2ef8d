import { isDomainError } from '../../domain/errors.ts';

/**
 * Whether a command's refusal may rest on a view that is behind the store, so that it is decided
 * once more on what the store holds before the refusal stands. A first attempt trusts the state
 * cache (a conflicting append would catch a stale state, but a refusal appends nothing, so nothing
 * catches it): another process's appends, or this one's racing with a read, leave the cache behind,
 * and a cancel was refused for a hold its own placement had just made. Later attempts read the
 * store; a command pinned to a revision (an If-Match) starts as a later attempt (see `retryOnConflict`).
 */
export function refusedOnCache(error: unknown, attempt: number): boolean {
  return attempt === 0 && isDomainError(error);
}
