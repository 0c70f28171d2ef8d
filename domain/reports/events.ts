/**
 * What a saved report asks ClickHouse for: the report builder's definition with a rolling period
 * (the last `lastDays` whole days before the day it runs), so a schedule mails fresh figures each
 * time instead of the same fixed dates.
 */
export type ReportDefinition = {
  measure: 'revenue' | 'units' | 'discount' | 'lines' | 'orders';
  by: ('period' | 'sku' | 'location' | 'currency')[];
  /** Only these values; an absent key filters nothing. */
  filters: { sku?: string; location?: string; currency?: string };
  granularity: 'day' | 'week' | 'month';
  lastDays: number;
  limit: number;
};

/** When and to whom a saved report is mailed. */
export type ReportSchedule = {
  cadence: 'daily' | 'weekly';
  /** ISO weekday, 1 = Monday … 7 = Sunday; `null` for daily. */
  weekday: number | null;
  /** Local wall-clock time `HH:MM` in `timeZone`. */
  time: string;
  /** IANA time zone, e.g. `Europe/Berlin`: the run follows its daylight-saving changes. */
  timeZone: string;
  recipients: string[];
  format: 'csv' | 'pdf';
};

/** A report was saved (or saved again under the same id, replacing name and definition). */
export type ReportSaved = {
  type: 'ReportSaved';
  data: { reportId: string; name: string; definition: ReportDefinition; at: string };
};

/** The report is mailed on this schedule; `nextRunAt` is the first run, derived from `at`. */
export type ReportScheduled = {
  type: 'ReportScheduled';
  data: { reportId: string; schedule: ReportSchedule; at: string; nextRunAt: string };
};

export type ReportUnscheduled = { type: 'ReportUnscheduled'; data: { reportId: string; at: string } };

/** A run was mailed (the run due at `runAt`); the schedule's next run is `nextRunAt`. */
export type ScheduledReportRan = {
  type: 'ScheduledReportRan';
  data: { reportId: string; runAt: string; at: string; nextRunAt: string };
};

/** The report is gone, with its schedule. */
export type ReportDeleted = { type: 'ReportDeleted'; data: { reportId: string; at: string } };

export type ReportEvent =
  ReportSaved | ReportScheduled | ReportUnscheduled | ScheduledReportRan | ReportDeleted;

const types: Record<ReportEvent['type'], true> = {
  ReportSaved: true,
  ReportScheduled: true,
  ReportUnscheduled: true,
  ScheduledReportRan: true,
  ReportDeleted: true,
};

export const reportEventTypes = Object.keys(types) as ReportEvent['type'][];

export function isReportEvent(event: { type: string }): event is ReportEvent {
  return Object.hasOwn(types, event.type);
}
