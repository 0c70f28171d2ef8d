import type { RecordedEvent } from '../../ports/event-store.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SinkProjection } from '../runtime/projection.ts';
import { eventRows, type Row, type TableRows } from './event-rows.ts';
import { createAnalyticsSchema, factTables, recreateAnalyticsSchema, type FactTable } from './schema.ts';

/** The projector's name: its checkpoint key and the `qm replay analytics` argument. */
export const ANALYTICS_PROJECTION = 'analytics';

export interface AnalyticsProjectionDeps {
  /** A writable client (not `readonly`). */
  analytics: AnalyticsClient;
  log?: Pick<Logger, 'debug' | 'info'>;
}

export interface AnalyticsProjection extends SinkProjection {
  reset(): Promise<void>;
  /** Creates the tables if missing; `deliver` calls it once on its own, this is for callers that query first. */
  ensureSchema(): Promise<void>;
}

/**
 * The ClickHouse sink: every event of the global log (no filter: the raw log keeps them all) becomes
 * rows of the fact tables in schema.ts; the daily rollups follow through materialized views.
 *
 * At-least-once in, exactly-once in the totals: a batch may arrive again (a retry after a failed
 * acknowledgement, a restart from an older checkpoint, a redelivery), so each table is first asked
 * which of the batch's events it already holds and gets only the others (see schema.ts for why the
 * check must come before the insert and why it is per table).
 */
export function createAnalyticsProjection(deps: AnalyticsProjectionDeps): AnalyticsProjection {
  const { analytics } = deps;
  let schemaReady: Promise<void> | null = null;
  const ensureSchema = () => {
    schemaReady ??= createAnalyticsSchema(analytics).catch((error: unknown) => {
      schemaReady = null;
      throw error;
    });
    return schemaReady;
  };

  return {
    name: ANALYTICS_PROJECTION,
    ensureSchema,
    // Each delivery is a ClickHouse insert per table, which embedded chDB runs synchronously on
    // this process's event loop whatever the rows: caught up with a busy shop, the sink inserted a
    // few events per append, and in `qm serve` that blocked the HTTP server (event-loop delay p99
    // 150-230 ms in the http bench). A quarter second of lag for reports buys batches of a quarter
    // second's events.
    lingerMs: 250,

    async deliver(events: readonly RecordedEvent[]): Promise<void> {
      if (events.length === 0) return;
      await ensureSchema();
      const rows = eventRows(uniqueById(events));
      const tables = factTables.filter((table) => rows[table].length > 0);
      const present = await eventIdsPresent(analytics, tables, rows);
      let inserted = 0;
      // One table after the other: chDB runs one statement at a time per session anyway, and a
      // failure then leaves the earlier tables complete for this batch (the per-table check covers it).
      for (const table of tables) {
        const held = present.get(table);
        const missing = held ? rows[table].filter((row) => !held.has(idOf(row))) : rows[table];
        if (missing.length === 0) continue;
        await analytics.client.insert({
          table: `${analytics.database}.${table}`,
          values: missing,
          format: 'JSONEachRow',
        });
        inserted += missing.length;
      }
      deps.log?.debug({ events: events.length, rows: inserted }, 'analytics batch delivered');
    },

    async reset(): Promise<void> {
      await recreateAnalyticsSchema(analytics);
      schemaReady = Promise.resolve();
      deps.log?.info({ database: analytics.database }, 'analytics tables recreated for replay');
    },
  };
}

/** The same event twice in one batch (a redelivered page) counts once, as across batches. */
function uniqueById(events: readonly RecordedEvent[]): RecordedEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const id = event.id.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Which of the batch's events each table already holds, in one round trip (a UNION ALL over the
 * tables). Bounded by the batch's times, which lead every fact table's sorting key, so each part
 * reads a narrow primary-key range rather than the whole table.
 */
async function eventIdsPresent(
  analytics: AnalyticsClient,
  tables: readonly FactTable[],
  rows: TableRows,
): Promise<Map<FactTable, Set<string>>> {
  const present = new Map<FactTable, Set<string>>();
  if (tables.length === 0) return present;
  const all = tables.flatMap((table) => rows[table]);
  const ids = [...new Set(all.map(idOf))];
  let from = String(all[0]!.time);
  let to = from;
  for (const row of all) {
    const time = String(row.time);
    if (time < from) from = time;
    if (time > to) to = time;
  }
  const query = tables
    .map(
      (
        table,
      ) => `SELECT DISTINCT '${table}' AS table, toString(event_id) AS id FROM ${analytics.database}.${table}
        WHERE time >= {from:DateTime64(3, 'UTC')} AND time <= {to:DateTime64(3, 'UTC')} AND event_id IN {ids:Array(UUID)}`,
    )
    .join('\nUNION ALL\n');
  const result = await analytics.client.query({
    query,
    query_params: { from, to, ids },
    format: 'JSONEachRow',
  });
  for (const { table, id } of await result.json<{ table: FactTable; id: string }>()) {
    const held = present.get(table) ?? new Set<string>();
    held.add(id);
    present.set(table, held);
  }
  return present;
}

const idOf = (row: Row): string => String(row.event_id).toLowerCase();
