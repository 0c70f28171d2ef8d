import type { RecordedEvent } from '../../commands/ports/event-store.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SinkProjection } from '../runtime/projection.ts';
import { eventRows, type Row } from './event-rows.ts';
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

    async deliver(events: readonly RecordedEvent[]): Promise<void> {
      if (events.length === 0) return;
      await ensureSchema();
      const rows = eventRows(uniqueById(events));
      let inserted = 0;
      // One table after the other: chDB runs one statement at a time per session anyway, and a
      // failure then leaves the earlier tables complete for this batch (the per-table check covers it).
      for (const table of factTables) {
        inserted += await insertMissing(analytics, table, rows[table]);
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

/** Inserts the rows whose event the table does not hold yet; returns how many it inserted. */
async function insertMissing(analytics: AnalyticsClient, table: FactTable, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const present = await eventIdsPresent(analytics, table, rows);
  const missing = present.size === 0 ? rows : rows.filter((row) => !present.has(idOf(row)));
  if (missing.length === 0) return 0;
  await analytics.client.insert({
    table: `${analytics.database}.${table}`,
    values: missing,
    format: 'JSONEachRow',
  });
  return missing.length;
}

/**
 * Which of the rows' events `table` already holds. Bounded by the rows' times, which lead every
 * fact table's sorting key, so it reads a narrow primary-key range rather than the whole table.
 */
async function eventIdsPresent(
  analytics: AnalyticsClient,
  table: FactTable,
  rows: Row[],
): Promise<Set<string>> {
  const ids = [...new Set(rows.map(idOf))];
  let from = String(rows[0]!.time);
  let to = from;
  for (const row of rows) {
    const time = String(row.time);
    if (time < from) from = time;
    if (time > to) to = time;
  }
  const result = await analytics.client.query({
    query: `SELECT DISTINCT toString(event_id) AS id FROM ${analytics.database}.${table}
      WHERE time >= {from:DateTime64(3, 'UTC')} AND time <= {to:DateTime64(3, 'UTC')}
        AND event_id IN {ids:Array(UUID)}`,
    query_params: { from, to, ids },
    format: 'JSONEachRow',
  });
  const present = await result.json<{ id: string }>();
  return new Set(present.map((row) => row.id));
}

const idOf = (row: Row): string => String(row.event_id).toLowerCase();
