import type { EventStore } from '../../../ports/event-store.ts';
import type { SqlClient } from '../../sql/sql-client.ts';

/** One backend under test: a fresh store for the run, and what only SQL backends can offer the suite. */
export interface ConformanceBackend {
  name: 'pglite' | 'postgres' | 'esdb';
  /** Makes a store on an empty database of its own. */
  open(): Promise<{ store: EventStore; sql?: SqlClient; dispose(): Promise<void> }>;
  /**
   * Whether two transactions can be open at once, so that commits can land out of order. False for
   * PGlite (one connection: every transaction waits for the previous one) and EventStoreDB (one
   * ordered log, written by one leader); the out-of-order tests then have nothing to catch.
   */
  concurrentTransactions: boolean;
}
