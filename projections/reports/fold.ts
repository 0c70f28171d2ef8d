/**
 * The saved-reports read model's batch fold: pure, in memory. Reports are loaded (or made by their
 * first `ReportSaved`) and changed in place; every report the batch touched is written once.
 */
import { isReportEvent, type ReportEvent } from '../../domain/reports/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import type { SavedReportRow } from './tables.ts';

export const reportIdsOf = (events: readonly RecordedEvent[]) => [
  ...new Set(events.filter(isReportEvent).map((event) => (event.data as { reportId: string }).reportId)),
];

export function foldReports(
  models: Map<string, SavedReportRow>,
  events: readonly RecordedEvent[],
): SavedReportRow[] {
  const changed = new Set<string>();
  for (const recorded of events) {
    if (!isReportEvent(recorded)) continue;
    const event = recorded as unknown as ReportEvent;
    const { reportId } = event.data;
    const row = models.get(reportId);
    if (event.type === 'ReportSaved') {
      const { name, definition, at } = event.data;
      models.set(
        reportId,
        row && row.status === 'saved'
          ? { ...row, name, definition, updated_at: at }
          : {
              report_id: reportId,
              name,
              status: 'saved',
              definition,
              schedule: null,
              next_run_at: null,
              last_run_at: null,
              runs: 0,
              saved_at: at,
              updated_at: at,
            },
      );
      changed.add(reportId);
      continue;
    }
    if (!row) continue;
    changed.add(reportId);
    switch (event.type) {
      case 'ReportScheduled':
        Object.assign(row, {
          schedule: event.data.schedule,
          next_run_at: event.data.nextRunAt,
          updated_at: event.data.at,
        });
        break;
      case 'ReportUnscheduled':
        Object.assign(row, { schedule: null, next_run_at: null, updated_at: event.data.at });
        break;
      case 'ScheduledReportRan':
        Object.assign(row, {
          next_run_at: event.data.nextRunAt,
          last_run_at: event.data.runAt,
          runs: row.runs + 1,
        });
        break;
      case 'ReportDeleted':
        Object.assign(row, {
          status: 'deleted',
          schedule: null,
          next_run_at: null,
          updated_at: event.data.at,
        });
        break;
    }
  }
  return [...changed].map((id) => models.get(id)!);
}
