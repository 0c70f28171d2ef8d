/**
 * Serialises deciding on one stream across every process of a deployment. Optimistic concurrency
 * (decide on the state read, append at its revision) needs no lock while one process writes a hot
 * stream: its group commit queues its own commands. With several API processes on one hot SKU,
 * each process's groups race the others', and under load the time between a read and its append
 * (event-loop delay included) is long enough for another process to win again and again. After a
 * lost race, the group commit retries under this lock, so retries across processes take turns
 * instead of wasting each other's work. A first attempt never waits for it.
 */
export interface DecisionLock {
  /** Waits until no other process holds `key`, then holds it until `release`. */
  acquire(key: string): Promise<{ release(): Promise<void> }>;
}
