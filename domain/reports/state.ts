import type { ReportDefinition, ReportSchedule } from './events.ts';

export type ReportState =
  | { status: 'absent' | 'deleted' }
  | {
      status: 'saved';
      name: string;
      definition: ReportDefinition;
      schedule: ReportSchedule | null;
      /** When the schedule runs next; `null` without a schedule. */
      nextRunAt: string | null;
      lastRunAt: string | null;
    };

export const initialReportState = (): ReportState => ({ status: 'absent' });
