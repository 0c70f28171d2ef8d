import type { ReportDefinition, ReportSchedule } from './events.ts';

export type SaveReport = {
  type: 'SaveReport';
  data: { reportId: string; name: string; definition: ReportDefinition; now: string };
};
export type ScheduleReport = {
  type: 'ScheduleReport';
  data: { reportId: string; schedule: ReportSchedule; now: string };
};
export type UnscheduleReport = { type: 'UnscheduleReport'; data: { reportId: string; now: string } };
/** The scheduler's: records the run that is due at `now` (refused when none is). */
export type RecordReportRun = { type: 'RecordReportRun'; data: { reportId: string; now: string } };
export type DeleteReport = { type: 'DeleteReport'; data: { reportId: string; now: string } };

export type ReportCommand = SaveReport | ScheduleReport | UnscheduleReport | RecordReportRun | DeleteReport;
