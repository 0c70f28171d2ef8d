import { ReportRunNotDue } from '../../domain/reports/errors.ts';
import {
  isReportEvent,
  reportDecider,
  type ReportDefinition,
  type ReportEvent,
} from '../../domain/reports/index.ts';
import { reportStream } from '../../domain/streams.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { Lease } from '../../ports/lease.ts';
import type { MailAttachment, MailQueue } from '../../ports/mail.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import { createEventScheduler, type EventScheduler } from '../scheduling/event-scheduler.ts';
import { soleInstanceLease } from '../scheduling/sole-instance-lease.ts';

/** One run of a saved report: its definition over a fixed period, `from` included, `to` excluded. */
export interface ReportRun {
  reportId: string;
  name: string;
  definition: ReportDefinition;
  from: string;
  to: string;
  format: 'csv' | 'pdf';
}

/** Runs a report on the analytics store and renders it as a file (wired in `ops/compose`). */
export type ReportRenderer = (run: ReportRun) => Promise<MailAttachment>;

const DAY_MS = 86_400_000;

/** The local date of an instant in a time zone, `YYYY-MM-DD`. */
function localDate(at: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.parse(at));
}

/** The whole days a run covers: the `lastDays` before the run's local date (days of the UTC rollup). */
export function runPeriod(lastDays: number, runAt: string, timeZone: string): { from: string; to: string } {
  const to = localDate(runAt, timeZone);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - lastDays * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * Mails the run of a report that is due. Renders and queues first, keyed by the run's due time,
 * then records the run: a crash or a failure before the record leaves the run due and it is tried
 * again, and the queue keeps one delivery per run and recipient however often that happens. A run
 * already recorded (by a previous holder of the lease) is refused with `ReportRunNotDue`.
 */
export async function mailScheduledReport(
  deps: { runtime: CommandRuntime; mail: MailQueue; render: ReportRenderer },
  reportId: string,
  context: CommandContext,
): Promise<void> {
  const stream = reportStream(reportId);
  const { state } = await loadAggregate(deps.runtime.store, reportDecider, stream, deps.runtime.cache, false);
  if (state.status !== 'saved' || !state.schedule || state.nextRunAt === null) {
    throw new ReportRunNotDue(reportId, null);
  }
  const { schedule, nextRunAt: runAt, definition, name } = state;
  if (Date.parse(runAt) > Date.parse(context.now)) throw new ReportRunNotDue(reportId, runAt);
  const period = runPeriod(definition.lastDays, runAt, schedule.timeZone);
  const file = await deps.render({ reportId, name, definition, ...period, format: schedule.format });
  for (const to of schedule.recipients) {
    await deps.mail.enqueue({
      eventId: `${stream}@${runAt}`,
      template: 'scheduled-report',
      to,
      subject: `${name}: ${period.from} to ${period.to}`,
      paragraphs: [
        `The report "${name}" for ${period.from} up to ${period.to} (excluded) is attached as ${file.filename}.`,
        `It is sent ${schedule.cadence === 'daily' ? 'every day' : 'every week'} at ${schedule.time} (${schedule.timeZone}). Change or stop the schedule on the dashboard's Reports page.`,
      ],
      attachments: [file],
    });
  }
  await handleCommand(
    deps.runtime,
    reportDecider,
    stream,
    { type: 'RecordReportRun', data: { reportId, now: context.now } },
    context,
  );
}

export interface ReportSchedulerOptions {
  store: EventStore;
  clock: Clock | WakingClock;
  ids: IdGenerator;
  run: (reportId: string, context: CommandContext) => Promise<unknown>;
  lease?: Lease;
  intervalMs?: number;
  onError?: (error: unknown, reportId: string) => void;
}

/**
 * The report mail schedule, derived from the report events alone: scheduling and each recorded
 * run set the report's next run (the time is in the event), taking the schedule off or deleting
 * the report drops it. So it survives restarts and fires on one instance (`event-scheduler.ts`).
 */
export function createReportScheduler(options: ReportSchedulerOptions): EventScheduler<string> {
  return createEventScheduler<string>({
    name: 'report-scheduler',
    store: options.store,
    filter: { categories: ['report'] },
    schedule: (event) => {
      if (!isReportEvent(event)) return null;
      const report = event as ReportEvent;
      const key = report.data.reportId;
      switch (report.type) {
        case 'ReportScheduled':
        case 'ScheduledReportRan':
          return { key, dueAt: report.data.nextRunAt };
        case 'ReportUnscheduled':
        case 'ReportDeleted':
          return { key, cancel: true };
        default:
          return null;
      }
    },
    action: options.run,
    clock: options.clock,
    lease: options.lease ?? soleInstanceLease,
    ids: options.ids,
    ...(options.intervalMs === undefined ? {} : { pollMs: options.intervalMs }),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
