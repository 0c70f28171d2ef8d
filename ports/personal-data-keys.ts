/**
 * Per-subject keys for crypto-shredding (docs/privacy.md). Personal fields in events are
 * encrypted with their subject's key; deleting the key is the erasure. A deleted key leaves a
 * tombstone, so an erased subject never silently gets a fresh key for the same id.
 */
export type SubjectKey = { subject: string; key: Uint8Array } | { subject: string; erased: true };

export interface PersonalDataKeys {
  /** The subjects' keys, created for those that never had one; erased subjects answer `erased`. */
  getOrCreate(subjects: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** The keys that exist (or were erased); a subject never seen is absent from the answer. */
  get(subjects: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** Deletes the key for good, leaving the tombstone. Idempotent. */
  erase(subject: string): Promise<void>;
}

export function isErasedKey(key: SubjectKey | undefined): key is { subject: string; erased: true } {
  return key !== undefined && 'erased' in key;
}
