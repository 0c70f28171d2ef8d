import { positionToToken } from '../ports/position.ts';
import type { EventStore } from '../ports/event-store.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';

/**
 * Where the event log stands: the store's head (global position) plus the table's own row count
 * and highest position, read directly, since the store's head hides rows of transactions still
 * open elsewhere on the cluster. Equal before and after a request means it appended nothing.
 */
export async function eventLogHead(store: EventStore, sql: SqlClient): Promise<string> {
  const head = await store.headPosition();
  const [row] = await sql.query<{ n: string; p: string }>(
    'select count(*)::text as n, coalesce(max(position), 0)::text as p from qm_events',
  );
  return `head ${head ? positionToToken(head) : 'none'}, ${row!.n} events, last position ${row!.p}`;
}
