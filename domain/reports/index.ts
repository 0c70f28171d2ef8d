import type { Decider } from '../decider.ts';
import type { ReportCommand } from './commands.ts';
import { decideReport } from './decide.ts';
import type { ReportEvent } from './events.ts';
import { evolveReport } from './evolve.ts';
import { initialReportState, type ReportState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export { isReportEvent, reportEventTypes } from './events.ts';
export { nextRunAfter } from './next-run.ts';

/** Stream `report-{id}` (see `reportStream`): a saved report and its mail schedule. */
export const reportDecider: Decider<ReportCommand, ReportEvent, ReportState> = {
  decide: decideReport,
  evolve: evolveReport,
  initialState: initialReportState,
};
