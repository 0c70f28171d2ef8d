import type { Kysely } from 'kysely';
import { reportEventTypes } from '../../domain/reports/index.ts';
import { isoTime } from '../batch-write.ts';
import type { ReadModelProjection, Staged } from '../runtime/projection.ts';
import { stagedApply } from '../runtime/staged.ts';
import { createTables } from '../table-ddl.ts';
import { upsert } from '../table-writes.ts';
import { foldReports, reportIdsOf } from './fold.ts';
import { reportTables, savedReports, type ReportsDatabase, type SavedReportRow } from './tables.ts';

/** Cache tag of the saved-report list. */
export const reportsTag = 'reports';

/**
 * The dashboard's saved reports with their schedules (`GET /admin/reports`). Per batch: one select
 * of the reports it touches and one upsert of them.
 */
export function reportsProjection(): ReadModelProjection<ReportsDatabase> {
  const staged: Staged<ReportsDatabase, Map<string, SavedReportRow>> = {
    empty: () => new Map(),
    size: (models) => models.size,
    load: (db, events, models) => load(db, reportIdsOf(events), models),
    fold(models, events) {
      const rows = foldReports(models, events);
      return {
        writes: [upsert(savedReports, rows)],
        effects: { invalidate: rows.length > 0 ? [reportsTag] : [] },
      };
    },
  };
  return {
    name: 'reports',
    version: 1,
    filter: { categories: ['report'], eventTypes: reportEventTypes },
    setup: (db, schema) => createTables(db, schema, reportTables),
    staged,
    apply: stagedApply(staged),
  };
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const time = (value: Date | string | null) => (value === null ? null : isoTime(value));

async function load(db: Kysely<ReportsDatabase>, ids: string[], models: Map<string, SavedReportRow>) {
  const missing = ids.filter((id) => !models.has(id));
  if (missing.length === 0) return;
  const rows = await db.selectFrom('saved_reports').selectAll().where('report_id', 'in', missing).execute();
  for (const row of rows) {
    models.set(row.report_id, {
      ...row,
      definition: json(row.definition),
      schedule: row.schedule === null ? null : json(row.schedule),
      next_run_at: time(row.next_run_at),
      last_run_at: time(row.last_run_at),
      runs: Number(row.runs),
      saved_at: isoTime(row.saved_at),
      updated_at: isoTime(row.updated_at),
    });
  }
}
