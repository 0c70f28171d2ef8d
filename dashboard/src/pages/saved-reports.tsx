import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { idempotent, must, readApi, writeApi } from '../api/clients.ts';
import { noteWrite } from '../api/last-write.ts';
import type { paths as ReadPaths } from '../api/read-api.generated.ts';
import { utcDay } from '../api/reports.ts';
import type { components } from '../api/write-api.generated.ts';
import { useSession } from '../api/use-session.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatTime, Loading, ProblemMessage } from '../components/status.tsx';
import { formText } from '../components/text.ts';

type BuilderQuery = ReadPaths['/admin/analytics/builder']['get']['parameters']['query'];
type SaveBody = components['schemas']['SaveReport'];
type ScheduleBody = components['schemas']['ReportSchedule'];
type Saved =
  ReadPaths['/admin/reports']['get']['responses'][200]['content']['application/json']['items'][number];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/** A report id from its name: what the address shows, unique enough for one shop's reports. */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100) || 'report';

/** The builder's address for a saved report: its rolling period ending today (UTC). */
export function builderLink(report: Saved): string {
  const { measure, by, filters, granularity, lastDays, limit } = report.definition;
  const params = new URLSearchParams({
    measure,
    granularity,
    from: utcDay(-lastDays),
    to: utcDay(0),
    limit: String(limit),
  });
  if (by.length > 0) params.set('by', by.join(','));
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `/reports?${params.toString()}`;
}

function useReportCommand<Input>(send: (input: Input) => Promise<{ position?: string | null }>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      noteWrite(answer);
      return queries.invalidateQueries({ queryKey: ['saved-reports'] });
    },
  });
}

/**
 * "Save report": the built definition, with its period kept as the number of days it spans, so a
 * saved report (and its mail) always covers the last days before it runs.
 */
export function SaveReport({ definition }: { definition: BuilderQuery }) {
  const { can } = useSession();
  const save = useReportCommand(async ({ reportId, body }: { reportId: string; body: SaveBody }) =>
    must(
      await (
        await writeApi()
      ).PUT('/reports/{reportId}', { params: { path: { reportId }, header: idempotent() }, body }),
    ),
  );
  if (!can.has('reports:manage')) return null;
  const from = definition.from ?? utcDay(-29);
  const to = definition.to ?? utcDay(1);
  const lastDays = Math.min(366, Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = formText(new FormData(event.currentTarget), 'name');
    const filters = {
      ...(definition.sku ? { sku: definition.sku } : {}),
      ...(definition.location ? { location: definition.location } : {}),
      ...(definition.currency ? { currency: definition.currency } : {}),
    };
    const by = (definition.by ?? '').split(',').filter(Boolean) as SaveBody['definition']['by'];
    save.mutate({
      reportId: slug(name),
      body: {
        name,
        definition: {
          measure: definition.measure,
          by,
          filters,
          granularity: definition.granularity ?? 'day',
          lastDays,
          limit: definition.limit ?? 100,
        },
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label="Save report" className="inline no-print">
      <label>
        Save as <input name="name" required maxLength={120} />
      </label>
      <span>covering the last {lastDays} days before each run</span>
      <button type="submit" disabled={save.isPending}>
        Save report
      </button>
      <ProblemMessage error={save.error} />
      {save.isSuccess ? <span role="status">Report saved.</span> : null}
    </form>
  );
}

/** The saved reports, each with its schedule; open one in the builder, schedule, stop or delete it. */
export function SavedReports() {
  const { can } = useSession();
  const [scheduling, setScheduling] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['saved-reports'],
    queryFn: async ({ signal }) => must(await readApi.GET('/admin/reports', { signal })).items,
  });
  const unschedule = useReportCommand(async (reportId: string) =>
    must(
      await (
        await writeApi()
      ).DELETE('/reports/{reportId}/schedule', { params: { path: { reportId }, header: idempotent() } }),
    ),
  );
  const remove = useReportCommand(async (reportId: string) =>
    must(
      await (
        await writeApi()
      ).DELETE('/reports/{reportId}', { params: { path: { reportId }, header: idempotent() } }),
    ),
  );
  const manage = can.has('reports:manage');
  return (
    <section aria-labelledby="saved-reports" className="no-print">
      <h2 id="saved-reports">Saved reports</h2>
      {list.error ? <ProblemMessage error={list.error} /> : null}
      {!list.data && !list.error ? <Loading what="the saved reports" /> : null}
      {list.data ? (
        <DataTable
          caption="Saved reports and their schedules"
          rows={list.data}
          empty="No saved reports yet: build one and save it."
          columns={[
            { header: 'Report', cell: (report) => <Link to={builderLink(report)}>{report.name}</Link> },
            { header: 'Covers', cell: (report) => `last ${report.definition.lastDays} days` },
            { header: 'Mailed', cell: (report) => scheduleText(report.schedule) },
            {
              header: 'Next run',
              cell: (report) => (report.nextRunAt ? formatTime(report.nextRunAt) : '—'),
            },
            ...(manage
              ? [
                  {
                    header: 'Actions',
                    cell: (report: Saved) => (
                      <>
                        <button type="button" onClick={() => setScheduling(report.reportId)}>
                          Schedule {report.name}
                        </button>{' '}
                        {report.schedule ? (
                          <button
                            type="button"
                            onClick={() => {
                              if (window.confirm(`Stop mailing "${report.name}"?`)) {
                                unschedule.mutate(report.reportId);
                              }
                            }}
                          >
                            Stop mailing {report.name}
                          </button>
                        ) : null}{' '}
                        <button
                          type="button"
                          onClick={() => {
                            if (window.confirm(`Delete the saved report "${report.name}"?`)) {
                              remove.mutate(report.reportId);
                            }
                          }}
                        >
                          Delete {report.name}
                        </button>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      <ProblemMessage error={unschedule.error ?? remove.error} />
      {scheduling && manage ? (
        <ScheduleForm
          report={list.data?.find((report) => report.reportId === scheduling)}
          reportId={scheduling}
          onDone={() => setScheduling(null)}
        />
      ) : null}
    </section>
  );
}

function scheduleText(schedule: Saved['schedule']): string {
  if (!schedule) return 'not mailed';
  const when =
    schedule.cadence === 'daily' ? 'daily' : `weekly on ${WEEKDAYS[(schedule.weekday ?? 1) - 1] ?? '?'}`;
  return `${when} at ${schedule.time} (${schedule.timeZone}) as ${schedule.format.toUpperCase()} to ${schedule.recipients.join(', ')}`;
}

function ScheduleForm({
  report,
  reportId,
  onDone,
}: {
  report: Saved | undefined;
  reportId: string;
  onDone: () => void;
}) {
  const schedule = useReportCommand(async (body: ScheduleBody) =>
    must(
      await (
        await writeApi()
      ).PUT('/reports/{reportId}/schedule', { params: { path: { reportId }, header: idempotent() }, body }),
    ),
  );
  const current = report?.schedule;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const cadence = formText(form, 'cadence') === 'weekly' ? 'weekly' : 'daily';
    const body: ScheduleBody = {
      cadence,
      weekday: cadence === 'weekly' ? Number(formText(form, 'weekday')) : null,
      time: formText(form, 'time'),
      timeZone: formText(form, 'timeZone'),
      recipients: formText(form, 'recipients')
        .split(/[\s,;]+/)
        .filter(Boolean),
      format: formText(form, 'format') === 'pdf' ? 'pdf' : 'csv',
    };
    if (
      window.confirm(
        `Mail "${report?.name ?? reportId}" ${body.cadence} at ${body.time} to ${body.recipients.join(', ')}?`,
      )
    ) {
      schedule.mutate(body, { onSuccess: onDone });
    }
  };
  return (
    <form onSubmit={submit} aria-label="Schedule report" className="inline">
      <h3>Mail “{report?.name ?? reportId}”</h3>
      <label>
        Every
        <select name="cadence" defaultValue={current?.cadence ?? 'daily'}>
          <option value="daily">day</option>
          <option value="weekly">week</option>
        </select>
      </label>
      <label>
        On (weekly)
        <select name="weekday" defaultValue={String(current?.weekday ?? 1)}>
          {WEEKDAYS.map((day, index) => (
            <option key={day} value={index + 1}>
              {day}
            </option>
          ))}
        </select>
      </label>
      <label>
        At <input name="time" type="time" required defaultValue={current?.time ?? '08:00'} />
      </label>
      <label>
        Time zone{' '}
        <input
          name="timeZone"
          required
          defaultValue={current?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        />
      </label>
      <label>
        To (addresses){' '}
        <input name="recipients" required defaultValue={current?.recipients.join(', ') ?? ''} />
      </label>
      <label>
        As
        <select name="format" defaultValue={current?.format ?? 'csv'}>
          <option value="csv">CSV</option>
          <option value="pdf">PDF</option>
        </select>
      </label>
      <button type="submit" disabled={schedule.isPending}>
        Schedule
      </button>{' '}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      <ProblemMessage error={schedule.error} />
    </form>
  );
}
