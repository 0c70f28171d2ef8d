import {
  reportDecider,
  type ReportCommand,
  type ReportDefinition,
  type ReportSchedule,
} from '../../domain/reports/index.ts';
import { reportStream } from '../../domain/streams.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { pinnedTo, toResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';

/** Saved reports of the dashboard's builder and their mail schedules: a `report-{id}` stream each. */
export function reportHandlers(runtime: CommandRuntime) {
  const run = async (reportId: string, command: ReportCommand, context: CommandContext, ifMatch?: number) =>
    toResult(
      await handleCommand(
        runtime,
        reportDecider,
        reportStream(reportId),
        command,
        context,
        pinnedTo(ifMatch),
      ),
    );
  return {
    saveReport: (
      input: { reportId: string; name: string; definition: ReportDefinition },
      context: CommandContext,
      ifMatch?: number,
    ) => run(input.reportId, { type: 'SaveReport', data: { ...input, now: context.now } }, context, ifMatch),
    scheduleReport: (input: { reportId: string; schedule: ReportSchedule }, context: CommandContext) =>
      run(input.reportId, { type: 'ScheduleReport', data: { ...input, now: context.now } }, context),
    unscheduleReport: (reportId: string, context: CommandContext) =>
      run(reportId, { type: 'UnscheduleReport', data: { reportId, now: context.now } }, context),
    deleteReport: (reportId: string, context: CommandContext) =>
      run(reportId, { type: 'DeleteReport', data: { reportId, now: context.now } }, context),
  };
}
