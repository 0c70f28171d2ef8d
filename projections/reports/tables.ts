/** The saved-reports read model's tables (schema `rm_reports_g<generation>`). */
import type { ReportDefinition, ReportSchedule } from '../../domain/reports/index.ts';
import { col, defineTable, type DatabaseOf, type WriteRow } from '../table-declaration.ts';

/** One row per saved report (deleted ones kept, marked), with its schedule and its runs. */
export const savedReports = defineTable({
  name: 'saved_reports',
  columns: {
    report_id: col.text(),
    name: col.text(),
    status: col.text<'saved' | 'deleted'>(),
    definition: col.jsonb<ReportDefinition>(),
    schedule: col.jsonb<ReportSchedule>().nullable(),
    next_run_at: col.timestamptz().nullable(),
    last_run_at: col.timestamptz().nullable(),
    runs: col.integer(),
    saved_at: col.timestamptz(),
    updated_at: col.timestamptz(),
  },
  primaryKey: ['report_id'],
  indexes: [{ name: 'saved_reports_status_idx', on: ['status', 'name', 'report_id'] }],
});

export const reportTables = [savedReports] as const;

export type ReportsDatabase = DatabaseOf<typeof reportTables>;
export type SavedReportRow = WriteRow<typeof savedReports>;
