import { assertNever } from '../assert-never.ts';
import type { ReportEvent } from './events.ts';
import type { ReportState } from './state.ts';

export function evolveReport(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'ReportSaved':
      return state.status === 'saved'
        ? { ...state, name: event.data.name, definition: event.data.definition }
        : {
            status: 'saved',
            name: event.data.name,
            definition: event.data.definition,
            schedule: null,
            nextRunAt: null,
            lastRunAt: null,
          };
    case 'ReportScheduled':
      return state.status === 'saved'
        ? { ...state, schedule: event.data.schedule, nextRunAt: event.data.nextRunAt }
        : state;
    case 'ReportUnscheduled':
      return state.status === 'saved' ? { ...state, schedule: null, nextRunAt: null } : state;
    case 'ScheduledReportRan':
      return state.status === 'saved'
        ? { ...state, nextRunAt: event.data.nextRunAt, lastRunAt: event.data.runAt }
        : state;
    case 'ReportDeleted':
      return { status: 'deleted' };
    default:
      return assertNever(event);
  }
}
