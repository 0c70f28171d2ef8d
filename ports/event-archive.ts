/**
 * Cold storage for an event store's log (`qm archive`): whole streams that have been quiet for a
 * long time move out of the hot log and stay readable where they were. Reads of the store (stream
 * reads, the global log, replays, time travel) see archived events exactly as before; the hot log
 * and its indexes shrink to the shop's recent business. The SQL stores (PostgreSQL, PGlite) have
 * one; KurrentDB keeps its own tiers (see docs/deployment.md).
 */
export interface EventArchive {
  /**
   * Up to `limit` streams of `category`, after `after` in name order, whose last event is in the
   * hot log and was recorded before `before`: candidates, for the caller to decide on.
   */
  quietStreams(options: { category: string; before: Date; after?: string; limit: number }): Promise<string[]>;
  /**
   * Moves every event of `streams` to cold storage in one transaction, except streams that got an
   * event at or after `before` meanwhile (they are left hot). Returns what moved.
   */
  archive(streams: readonly string[], before: Date): Promise<ArchiveResult>;
  /** Events in the hot log and in cold storage now. */
  sizes(): Promise<{ hot: number; archived: number }>;
}

export interface ArchiveResult {
  streams: string[];
  events: number;
}
