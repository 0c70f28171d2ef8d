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
 * columns took 300), and only when they were never analyzed or a tenth of the log is newer.
 */
export async function refreshReadStatistics(db: SqlExecutor): Promise<boolean> {
  const [row] = await db.query<{ stale: boolean }>(
    `select coalesce(
       (last_analyze is null and last_autoanalyze is null) or n_mod_since_analyze > 0.1 * greatest(n_live_tup, 1),
       true) as stale
     from pg_stat_user_tables where relname = 'qm_events' and schemaname = current_schema()`,
  );
  if (row && !row.stale) return false;
  await db.query('analyze qm_events (category, type)');
  return true;
}
