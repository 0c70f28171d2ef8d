import type { EventStore } from '../../../ports/event-store.ts';
import type { SqlClient } from '../../sql/sql-client.ts';

/** What each part of the suite gets: the store under test (set in beforeAll), and its SQL client where it has one. */
export interface SuiteContext {
  store: () => EventStore;
  sql: () => SqlClient | undefined;
}
