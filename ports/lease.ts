/**
 * The right for one instance, among all processes of a deployment, to do something that must not
 * run twice at once (fire a schedule, follow a log). A standby instance waits in `acquire` and takes
 * over when the holder releases it or dies.
 */
export interface Lease {
  /**
   * Waits until this instance holds the lease; `null` once `signal` aborts first. Never rejects:
   * an implementation retries its own failures (a lost database connection) while it waits.
   */
  acquire(signal: AbortSignal): Promise<HeldLease | null>;
}

export interface HeldLease {
  /** Aborts when the lease is lost (taken over, or its session died): the holder stops at once. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}
