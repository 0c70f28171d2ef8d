import type { SqlExecutor } from '../../sql/sql-client.ts';

/**
 * Makes sure PostgreSQL has statistics on the columns a filtered read of the log filters by,
 * before a reader goes through the whole log (a replay).
 *
 * Without them (a log written faster than autovacuum analyzes it: after an import, a seed, a
 * benchmark fill) PostgreSQL guesses that few events match a category and plans each batch as a
 * scan of the whole rest of the log plus a sort, instead of walking the log's index until the batch
 * is full: every batch then costs as much as the log behind it. One batch of 2,000 order events
 * over a 40,000-event log took 52 ms that way, 4 ms after this.
 *
 * Analyzes only the filtered columns (60 ms on that log, where a whole ANALYZE with its jsonb
 * columns took 300), and only when they have no statistics yet or the log has grown by more than a
 * tenth since the table's size was last taken (`reltuples`, which such an ANALYZE sets; it leaves
 * the table's count of changes since the last analysis alone, so that count cannot tell).
 */
export async function refreshReadStatistics(db: SqlExecutor): Promise<boolean> {
  const [row] = await db.query<{ stale: boolean }>(
    `select not exists (select 1 from pg_stats s
                        where s.schemaname = n.nspname and s.tablename = c.relname and s.attname = 'category')
            or c.reltuples < 0
            or coalesce(t.n_live_tup, 0) > 1.1 * c.reltuples as stale
     from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     left join pg_stat_user_tables t on t.relid = c.oid
     where c.oid = 'qm_events'::regclass`,
  );
  if (row && !row.stale) return false;
  await db.query('analyze qm_events (category, type)');
  return true;
}
