import type { ReportRenderer } from '../../commands/reports/scheduled-report-mail.ts';
import { createReportScheduler, mailScheduledReport } from '../../commands/reports/scheduled-report-mail.ts';
import type { CommandRuntime } from '../../commands/runtime/command-runtime.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import type { Config } from '../../infra/config/config.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { builtReportCsv, builtReportPdf } from '../../projections/analytics/report-builder.ts';
import type { Clock, WakingClock } from '../../ports/clock.ts';
import { systemClock } from '../../ports/clock.ts';
import type { Lease } from '../../ports/lease.ts';
import { projectorSessions } from './projectors.ts';
import { schedulerLease } from './scheduler-lease.ts';

/** Runs a saved report's definition over a run's period on ClickHouse, as the file it is mailed as. */
export function analyticsReportRenderer(analytics: AnalyticsClient): ReportRenderer {
  return async (run) => {
    const { measure, by, filters, granularity, limit } = run.definition;
    const report = { measure, by, filters, granularity, limit, from: run.from, to: run.to };
    const base = `${run.reportId}_${run.from}_${run.to}`;
    if (run.format === 'pdf') {
      const pdf = await builtReportPdf(analytics, report, run.name);
      return {
        filename: `${base}.pdf`,
        contentType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      };
    }
    const csv = await builtReportCsv(analytics, report);
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
    };
  };
}

/** The lease among every process that follows the report schedule: one of them mails. */
export const reportSchedulerLease = (config: Config, database: SqlClient, log: Logger): Lease =>
  schedulerLease(
    { database, openSession: projectorSessions(config, 'qm-scheduler'), log },
    'report-scheduler',
  );

/**
 * The report mail schedule of a process that serves the APIs (it has the analytics reader): every
 * such process follows it, the lease lets one of them mail. Mail goes to the delivery queue, which
 * the mail dispatcher sends (SMTP, or the outbox).
 */
export async function startReportSchedules(deps: {
  runtime: CommandRuntime;
  database: SqlClient;
  analytics: AnalyticsClient;
  log: Logger;
  /** The deployment's (`reportSchedulerLease`); a test passes `soleInstanceLease`. */
  lease: Lease;
  clock?: Clock | WakingClock;
}) {
  const scheduler = createReportScheduler({
    store: deps.runtime.store,
    clock: deps.clock ?? systemClock,
    ids: uuidV7Ids,
    lease: deps.lease,
    run: (reportId, context) =>
      mailScheduledReport(
        {
          runtime: deps.runtime,
          mail: sqlMailQueue(deps.database),
          render: analyticsReportRenderer(deps.analytics),
        },
        reportId,
        context,
      ),
    onError: (error, reportId) =>
      deps.log.error({ err: error, reportId }, 'could not mail a scheduled report; will retry'),
  });
  await scheduler.start();
  return scheduler;
}
