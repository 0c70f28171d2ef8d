import type { Kysely } from 'kysely';
import { isoTime } from '../batch-write.ts';
import type { ReportsDatabase } from './tables.ts';

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const time = (value: Date | string | null) => (value === null ? null : isoTime(value));

/** Every saved report not deleted, by name, with its schedule and when it runs next. */
export async function savedReportList(db: Kysely<ReportsDatabase>) {
  const rows = await db
    .selectFrom('saved_reports')
    .selectAll()
    .where('status', '=', 'saved')
    .orderBy('name')
    .orderBy('report_id')
    .execute();
  return rows.map((row) => ({
    reportId: row.report_id,
    name: row.name,
    definition: json(row.definition),
    schedule: row.schedule === null ? null : json(row.schedule),
    nextRunAt: time(row.next_run_at),
    lastRunAt: time(row.last_run_at),
    runs: Number(row.runs),
    savedAt: isoTime(row.saved_at),
    updatedAt: isoTime(row.updated_at),
  }));
}
