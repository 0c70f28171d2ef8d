import { replay } from '../../domain/decider.ts';
import { isRoleEvent, roleDecider, type RoleEvent } from '../../domain/roles/index.ts';
import { roleStream } from '../../domain/streams.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { RoleCatalog } from './grants.ts';

/**
 * Custom roles as their `role-{name}` streams say, each cached for `ttlMs` (default 2 s): a change
 * an admin makes reaches every API process within that time, and a request costs no read. A
 * missing or retired role grants nothing.
 */
export function eventSourcedRoleCatalog(store: EventStore, options: { ttlMs?: number } = {}): RoleCatalog {
  const ttlMs = options.ttlMs ?? 2_000;
  const cache = new Map<string, { at: number; value: ReturnType<RoleCatalog> }>();
  const load: RoleCatalog = async (name) => {
    const events = (await store.readStream(roleStream(name))).filter(isRoleEvent) as unknown as RoleEvent[];
    const state = replay(roleDecider, events);
    return state.status === 'active' ? state.permissions : null;
  };
  return (name) => {
    const hit = cache.get(name);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value;
    const value = load(name);
    // A failed read is not cached: the next request asks the store again.
    value.catch(() => cache.delete(name));
    cache.set(name, { at: Date.now(), value });
    return value;
  };
}
