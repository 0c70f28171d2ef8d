import { isErasedKey, type PersonalDataKeys, type SubjectKey } from '../../ports/personal-data-keys.ts';

export interface KeyCacheOptions {
  /**
   * How long a live key is used from memory (default 5 s): an erasure by another process takes
   * effect here within this time. An erasure by this process takes effect at once, and an erased
   * subject stays erased (erasure is final).
   */
  ttlMs?: number;
  /** The most subjects kept; the oldest is dropped first. Default 10,000. */
  maxSubjects?: number;
  now?: () => number;
}

/**
 * The key store with a short memory in front: every placement seals its shipping address, and
 * asking the table twice per order (create if missing, then read) cost a third of the command
 * side's CPU per order. A returning subject's key comes from memory for `ttlMs`.
 */
export function cachedPersonalDataKeys(
  inner: PersonalDataKeys,
  options: KeyCacheOptions = {},
): PersonalDataKeys {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxSubjects = options.maxSubjects ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { key: SubjectKey; until: number }>();

  const remember = (found: Map<string, SubjectKey>) => {
    for (const [subject, key] of found) {
      entries.delete(subject);
      entries.set(subject, { key, until: isErasedKey(key) ? Infinity : now() + ttlMs });
      if (entries.size > maxSubjects) entries.delete(entries.keys().next().value!);
    }
  };
  /** The cached keys, and the subjects to ask the store for. */
  const split = (subjects: readonly string[]) => {
    const known = new Map<string, SubjectKey>();
    const missing: string[] = [];
    const at = now();
    for (const subject of new Set(subjects)) {
      const entry = entries.get(subject);
      if (entry && entry.until > at) known.set(subject, entry.key);
      else missing.push(subject);
    }
    return { known, missing };
  };
  const through =
    (ask: (subjects: readonly string[]) => Promise<Map<string, SubjectKey>>) =>
    async (subjects: readonly string[]) => {
      const { known, missing } = split(subjects);
      if (missing.length === 0) return known;
      const found = await ask(missing);
      remember(found);
      for (const [subject, key] of found) known.set(subject, key);
      return known;
    };

  return {
    get: through((subjects) => inner.get(subjects)),
    getOrCreate: through((subjects) => inner.getOrCreate(subjects)),
    async erase(subject) {
      await inner.erase(subject);
      remember(new Map([[subject, { subject, erased: true }]]));
    },
  };
}
