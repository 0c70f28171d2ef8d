import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailScheduledReport } from '../../commands/reports/scheduled-report-mail.ts';
import { soleInstanceLease } from '../../commands/scheduling/sole-instance-lease.ts';
import { ReportRunNotDue } from '../../domain/reports/errors.ts';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { listDeliveries } from '../../infra/mail/mail-deliveries.ts';
import { startMailDispatcher } from '../../infra/mail/mail-dispatcher.ts';
import { sqlMailQueue } from '../../infra/mail/sql-mail-queue.ts';
import { createSmtpTransport } from '../../infra/mail/smtp-transport.ts';
import { builtReportCsv } from '../../projections/analytics/report-builder.ts';
import { controllableClock } from '../../test-support/controllable-clock.ts';
import { projectedShop, type ProjectedShop } from '../../test-support/projected-shop.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { waitUntil } from '../../test-support/wait-until.ts';
import { commandRuntime } from './command-runtime.ts';
import { analyticsReportRenderer, startReportSchedules } from './report-schedules.ts';

const log = createLogger('silent');
const definition = {
  measure: 'revenue',
  by: ['currency'],
  filters: {},
  granularity: 'day',
  lastDays: 30,
  limit: 100,
} as const;

describe('scheduled reports: saved, scheduled, run on chDB and mailed with their file', () => {
  let shop: ProjectedShop;
  let reader: AnalyticsClient;
  let sink: SmtpSink;

  beforeAll(async () => {
    // Six days of orders from 2026-11-21, projected into chDB.
    shop = await projectedShop(6);
    reader = await shop.store.openReadonly();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await shop?.dispose();
  });

  it('mails each run once, at its local time, survives a restart, and sends the file over SMTP', async () => {
    const { harness } = shop;
    harness.clock.set('2026-11-30T12:00:00.000Z');
    await harness.handlers.saveReport(
      {
        reportId: 'revenue-30d',
        name: 'Revenue, last 30 days',
        definition: { ...definition, by: ['currency'] },
      },
      harness.context(),
    );
    await harness.handlers.scheduleReport(
      {
        reportId: 'revenue-30d',
        schedule: {
          cadence: 'daily',
          weekday: null,
          time: '08:00',
          timeZone: 'Europe/Berlin',
          recipients: ['ops@example.com', 'Boss@Example.com'],
          format: 'csv',
        },
      },
      harness.context(),
    );
    await harness.handlers.saveReport(
      {
        reportId: 'units-by-sku',
        name: 'Units by SKU, last week',
        definition: { ...definition, measure: 'units', by: ['sku'], lastDays: 7 },
      },
      harness.context(),
    );
    // 2026-12-01 is a Tuesday.
    await harness.handlers.scheduleReport(
      {
        reportId: 'units-by-sku',
        schedule: {
          cadence: 'weekly',
          weekday: 2,
          time: '08:00',
          timeZone: 'Europe/Berlin',
          recipients: ['ops@example.com'],
          format: 'pdf',
        },
      },
      harness.context(),
    );

    const runtime = commandRuntime(harness.store);
    const clock = controllableClock('2026-11-30T12:00:00.000Z');
    const start = () =>
      startReportSchedules({
        runtime,
        database: harness.sql,
        analytics: reader,
        log,
        clock,
        lease: soleInstanceLease,
      });
    let scheduler = await start();
    const dueAt = new Date('2026-12-01T07:00:00.000Z'); // 08:00 in Berlin
    expect(scheduler.pending()).toEqual(
      new Map([
        ['revenue-30d', dueAt],
        ['units-by-sku', dueAt],
      ]),
    );

    clock.set('2026-12-01T06:59:59.000Z');
    expect(await scheduler.runDue()).toEqual([]);
    clock.set('2026-12-01T07:00:00.000Z');
    const deliveries = await waitUntil('three report mails queued', async () => {
      const queued = await listDeliveries(harness.sql);
      return queued.length === 3 && queued;
    });

    const csvMails = deliveries.filter(
      (mail) => mail.template === 'scheduled-report' && mail.attachments?.[0]?.filename.endsWith('.csv'),
    );
    expect(csvMails.map((mail) => mail.to).sort()).toEqual(['boss@example.com', 'ops@example.com']);
    const file = csvMails[0]!.attachments![0]!;
    expect(file).toMatchObject({
      filename: 'revenue-30d_2026-11-01_2026-12-01.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    // The figures are the builder's over the run's period: the 30 days before its local date.
    const expected = await builtReportCsv(reader, {
      ...definition,
      by: ['currency'],
      filters: {},
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toBe(expected);
    expect(expected.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    const pdf = deliveries.find((mail) => mail.attachments?.[0]?.contentType === 'application/pdf')!;
    expect(pdf.attachments![0]!.filename).toBe('units-by-sku_2026-11-24_2026-12-01.pdf');
    expect(Buffer.from(pdf.attachments![0]!.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // Each run is recorded with the next one: tomorrow, and next Tuesday.
    await waitUntil(
      'both runs recorded',
      () => scheduler.pending().get('units-by-sku')?.toISOString() === '2026-12-08T07:00:00.000Z',
    );
    expect(scheduler.pending().get('revenue-30d')).toEqual(new Date('2026-12-02T07:00:00.000Z'));

    // A restart rebuilds the same schedule from the events, and mails nothing again.
    await scheduler.stop();
    scheduler = await start();
    expect(scheduler.pending()).toEqual(
      new Map([
        ['revenue-30d', new Date('2026-12-02T07:00:00.000Z')],
        ['units-by-sku', new Date('2026-12-08T07:00:00.000Z')],
      ]),
    );
    expect(await scheduler.runDue()).toEqual([]);
    // A second firing of the same run (a takeover just after the first) is refused as done.
    await expect(
      mailScheduledReport(
        { runtime, mail: sqlMailQueue(harness.sql), render: analyticsReportRenderer(reader) },
        'revenue-30d',
        { ...harness.context(), now: '2026-12-01T07:00:05.000Z' },
      ),
    ).rejects.toBeInstanceOf(ReportRunNotDue);
    expect(await listDeliveries(harness.sql)).toHaveLength(3);

    // Taking the schedule off drops the report from it.
    await harness.handlers.unscheduleReport('revenue-30d', harness.context());
    await waitUntil('schedule dropped', () => !scheduler.pending().has('revenue-30d'));
    await scheduler.stop();

    // The dispatcher sends them over SMTP with the file attached.
    const dispatcher = startMailDispatcher({
      sql: harness.sql,
      transport: createSmtpTransport({ url: sink.url, from: 'reports@quartermaster.test' }),
      log,
      pollMs: 50,
    });
    try {
      await waitUntil('three mails received', () => sink.received.length === 3);
    } finally {
      await dispatcher.stop();
    }
    const received = sink.received.find((mail) => mail.to.includes('boss@example.com'))!;
    expect(received.subject).toBe('Revenue, last 30 days: 2026-11-01 to 2026-12-01');
    expect(received.raw).toMatch(/Content-Type: text\/csv; charset=utf-8/i);
    expect(received.raw).toMatch(/filename=revenue-30d_2026-11-01_2026-12-01\.csv/);
  });
});
