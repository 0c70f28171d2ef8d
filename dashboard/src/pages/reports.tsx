import { useMutation, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { must, readApi } from '../api/clients.ts';
import type { paths } from '../api/read-api.generated.ts';
import { utcDay } from '../api/reports.ts';
import { Chart } from '../components/lazy-chart.tsx';
import { Loading, ProblemMessage } from '../components/status.tsx';
import { cellText, formText } from '../components/text.ts';
import { SavedReports, SaveReport } from './saved-reports.tsx';

type BuilderQuery = paths['/admin/analytics/builder']['get']['parameters']['query'];
type Measure = BuilderQuery['measure'];
type Granularity = NonNullable<BuilderQuery['granularity']>;

const MEASURES: { name: Measure; title: string }[] = [
  { name: 'revenue', title: 'Revenue' },
  { name: 'units', title: 'Units sold' },
  { name: 'orders', title: 'Orders' },
  { name: 'lines', title: 'Order lines' },
  { name: 'discount', title: 'Discounts' },
];
const DIMENSIONS = ['period', 'sku', 'location', 'currency'] as const;
const GRANULARITIES: Granularity[] = ['day', 'week', 'month'];

/** The definition, kept in the address: a built report is saved as a bookmark and shared as a link. */
function definitionFrom(params: URLSearchParams): BuilderQuery | null {
  const measure = MEASURES.find((m) => m.name === params.get('measure'))?.name;
  if (!measure) return null;
  const text = (name: string) => params.get(name) || undefined;
  const granularity = GRANULARITIES.find((g) => g === params.get('granularity'));
  const limit = Number(params.get('limit'));
  return {
    measure,
    by: text('by'),
    from: text('from'),
    to: text('to'),
    granularity,
    sku: text('sku'),
    location: text('location'),
    currency: text('currency'),
    limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
  };
}

/**
 * The report builder: pick a measure, dimensions, filters and a period; the read API compiles it to
 * one parameterised, read-only ClickHouse query. A chart with its table, CSV export, and print to
 * PDF.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const definition = definitionFrom(params);
  return (
    <>
      <h1>Reports</h1>
      <form
        className="inline no-print"
        aria-label="Report builder"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of [
            'measure',
            'from',
            'to',
            'granularity',
            'sku',
            'location',
            'currency',
            'limit',
          ]) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          const by = DIMENSIONS.filter((name) => form.get(`by-${name}`));
          if (by.length > 0) next.set('by', by.join(','));
          setParams(next);
        }}
      >
        <label>
          Measure
          <select name="measure" defaultValue={params.get('measure') ?? 'revenue'}>
            {MEASURES.map((m) => (
              <option key={m.name} value={m.name}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Group by</legend>
          {DIMENSIONS.map((name) => (
            <label key={name}>
              {name}
              <input
                type="checkbox"
                name={`by-${name}`}
                defaultChecked={(params.get('by') ?? 'period,currency').split(',').includes(name)}
              />
            </label>
          ))}
        </fieldset>
        <label>
          Step
          <select name="granularity" defaultValue={params.get('granularity') ?? 'day'}>
            {GRANULARITIES.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label>
          From <input name="from" type="date" defaultValue={params.get('from') ?? utcDay(-29)} />
        </label>
        <label>
          Until (excluded) <input name="to" type="date" defaultValue={params.get('to') ?? utcDay(1)} />
        </label>
        <label>
          SKU <input name="sku" defaultValue={params.get('sku') ?? ''} />
        </label>
        <label>
          Location <input name="location" defaultValue={params.get('location') ?? ''} />
        </label>
        <label>
          Currency <input name="currency" defaultValue={params.get('currency') ?? ''} maxLength={3} />
        </label>
        <label>
          Rows at most{' '}
          <input name="limit" type="number" min={1} max={1000} defaultValue={params.get('limit') ?? '100'} />
        </label>
        <button type="submit">Run report</button>
      </form>
      {definition ? (
        <BuiltReport definition={definition} />
      ) : (
        <p>Pick what to measure, then run the report.</p>
      )}
      <SavedReports />
    </>
  );
}

function BuiltReport({ definition }: { definition: BuilderQuery }) {
  const report = useQuery({
    queryKey: ['report', 'built', definition],
    queryFn: async ({ signal }) => {
      const answer = must(
        await readApi.GET('/admin/analytics/builder', { params: { query: definition }, signal }),
      );
      // The route also answers CSV; asked without `format` by this client it answers JSON.
      if (typeof answer === 'string') throw new Error('The report came as CSV, not JSON.');
      return answer;
    },
  });
  const csv = useMutation({
    mutationFn: async () => {
      const answer = await readApi.GET('/admin/analytics/builder', {
        params: { query: { ...definition, format: 'csv' } },
        parseAs: 'text',
      });
      return must<string>(answer);
    },
    onSuccess: (text) => download(new Blob([text], { type: 'text/csv' }), `${definition.measure}-report.csv`),
  });
  const pdf = useMutation({
    mutationFn: async () => {
      const answer = await readApi.GET('/admin/analytics/builder', {
        params: { query: { ...definition, format: 'pdf' } },
        parseAs: 'blob',
      });
      return must<Blob>(answer);
    },
    onSuccess: (blob) => download(blob, `${definition.measure}-report.pdf`),
  });
  if (report.error) return <ProblemMessage error={report.error} />;
  if (!report.data) return <Loading what="the report" />;
  const { rows, by } = report.data;
  const label = (row: Record<string, unknown>) =>
    by.map((name) => cellText(row[name])).join(' · ') || 'total';
  const title = `${MEASURES.find((m) => m.name === definition.measure)?.title ?? definition.measure}${
    by.length > 0 ? ` by ${by.join(', ')}` : ''
  }, ${report.data.params.from} to ${report.data.params.to}`;
  return (
    <section aria-labelledby="report">
      <h2 id="report">{title}</h2>
      <p className="no-print">
        <button type="button" onClick={() => csv.mutate()} disabled={csv.isPending}>
          Export CSV
        </button>{' '}
        <button type="button" onClick={() => pdf.mutate()} disabled={pdf.isPending}>
          Export PDF
        </button>{' '}
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <ProblemMessage error={csv.error ?? pdf.error} />
      {pdf.data ? (
        <p role="status" className="no-print" data-testid="report-pdf">
          Exported as PDF ({Math.ceil(pdf.data.size / 1024)} KB).
        </p>
      ) : null}
      <SaveReport definition={definition} />
      {csv.data ? (
        <p role="status" className="no-print" data-testid="report-csv">
          Exported {rowCount(csv.data)} as CSV.
        </p>
      ) : null}
      <Chart
        title={title}
        rows={rows}
        columns={[
          ...by.map((name) => ({
            header: name,
            cell: (row: Record<string, unknown>) => cellText(row[name]),
          })),
          { header: 'value', cell: (row: Record<string, unknown>) => cellText(row.value), numeric: true },
        ]}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { containLabel: true },
          xAxis: { type: 'category', data: rows.map(label) },
          yAxis: { type: 'value' },
          series: [
            {
              name: definition.measure,
              type: by[0] === 'period' ? 'line' : 'bar',
              data: rows.map((row) => Number(row.value)),
            },
          ],
        }}
      />
    </section>
  );
}

/** Hands a file to the browser as a download. */
function download(file: Blob, name: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The rows of a CSV with a header row, in words. */
function rowCount(csv: string): string {
  const rows = csv.split('\n').filter(Boolean).length - 1;
  return `${rows} ${rows === 1 ? 'row' : 'rows'}`;
}
