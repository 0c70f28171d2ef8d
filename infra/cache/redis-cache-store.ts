import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CacheStore } from './cache-store.ts';

/**
 * Stores only if no tag's version moved since the caller read them, then indexes the key under
 * each tag. One script, so an invalidation can never fall between the check and the write.
 * KEYS: entry, n version keys, n tag-set keys. ARGV: value, ttlMs, n, n seen versions.
 */
const SET_IF_CURRENT = `
local n = tonumber(ARGV[3])
for i = 1, n do
  local version = redis.call('GET', KEYS[1 + i]) or '0'
  if version ~= ARGV[3 + i] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 1, n do
  local set = KEYS[1 + n + i]
  redis.call('SADD', set, KEYS[1])
  if redis.call('PTTL', set) < tonumber(ARGV[2]) then redis.call('PEXPIRE', set, ARGV[2]) end
end
return 1`;

/**
 * Bumps each tag's version and drops every key its set indexes, then the set.
 * KEYS: pairs of (version key, tag-set key). Returns how many entries were dropped.
 */
const INVALIDATE = `
local dropped = 0
for i = 1, #KEYS, 2 do
  redis.call('INCR', KEYS[i])
  local members = redis.call('SMEMBERS', KEYS[i + 1])
  for j = 1, #members, 500 do
    dropped = dropped + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i + 1])
end
return dropped`;

/** Releases a lock only if it is still ours (it may have expired and been taken since). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface ScriptedRedis extends Redis {
  qmSetIfCurrent(...args: (string | number)[]): Promise<number>;
  qmInvalidate(...args: (string | number)[]): Promise<number>;
  qmRelease(...args: (string | number)[]): Promise<number>;
}

/** A Redis store that also tells every process which tags were invalidated (pub/sub). */
export interface RedisCacheStore extends CacheStore {
  /**
   * Calls `listener` with the tags every `invalidate`, from any process sharing the prefix, drops.
   * Fire-and-forget (Redis pub/sub): a listener must bound what a lost message costs (a short TTL).
   * Resolves once subscribed, with a function that unsubscribes.
   */
  onInvalidate(listener: (tags: string[]) => void): Promise<() => Promise<void>>;
}

export interface RedisCacheStoreOptions {
  /** `redis://host:port/db`. */
  url: string;
  /** Prepended to every key, so deployments (and test runs) sharing a Redis never meet. */
  prefix?: string;
}

/**
 * The server mode's cache, shared by every read API process: entries at `<prefix>e:<key>`, tag
 * sets at `<prefix>t:<tag>`, tag versions at `<prefix>v:<tag>`, locks at `<prefix>l:<key>`. The
 * writes that must not interleave with an invalidation run as Lua scripts.
 */
export function createRedisCacheStore(options: RedisCacheStoreOptions): RedisCacheStore {
  const prefix = options.prefix ?? 'qm:cache:';
  const redis = new Redis(options.url, { lazyConnect: false, maxRetriesPerRequest: 2 }) as ScriptedRedis;
  redis.defineCommand('qmSetIfCurrent', { lua: SET_IF_CURRENT });
  redis.defineCommand('qmInvalidate', { lua: INVALIDATE });
  redis.defineCommand('qmRelease', { numberOfKeys: 1, lua: RELEASE });
  const entryKey = (key: string) => `${prefix}e:${key}`;
  const versionKey = (tag: string) => `${prefix}v:${tag}`;
  const tagKey = (tag: string) => `${prefix}t:${tag}`;
  const channel = `${prefix}invalidated`;

  return {
    kind: 'redis',
    get: (key) => redis.get(entryKey(key)),
    async versions(tags) {
      if (tags.length === 0) return [];
      const values = await redis.mget(tags.map(versionKey));
      return values.map((value) => value ?? '0');
    },
    async set(key, value, tags, seen, ttlMs) {
      const keys = [entryKey(key), ...tags.map(versionKey), ...tags.map(tagKey)];
      const stored = await redis.qmSetIfCurrent(
        keys.length,
        ...keys,
        value,
        Math.max(1, Math.round(ttlMs)),
        tags.length,
        ...seen,
      );
      return stored === 1;
    },
    async invalidate(tags) {
      if (tags.length === 0) return 0;
      const keys = tags.flatMap((tag) => [versionKey(tag), tagKey(tag)]);
      const dropped = await redis.qmInvalidate(keys.length, ...keys);
      await redis.publish(channel, JSON.stringify(tags));
      return dropped;
    },
    async onInvalidate(listener) {
      const subscriber = redis.duplicate();
      subscriber.on('message', (_channel: string, message: string) => {
        try {
          const tags: unknown = JSON.parse(message);
          if (Array.isArray(tags)) listener(tags.filter((tag): tag is string => typeof tag === 'string'));
        } catch {
          // Not ours: only this store publishes on the channel.
        }
      });
      await subscriber.subscribe(channel);
      return async () => {
        await subscriber.quit();
      };
    },
    async tryLock(key, ttlMs) {
      const lockKey = `${prefix}l:${key}`;
      const token = randomUUID();
      const taken = await redis.set(lockKey, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      if (taken !== 'OK') return null;
      return async () => void (await redis.qmRelease(lockKey, token));
    },
    async close() {
      await redis.quit();
    },
  };
}
