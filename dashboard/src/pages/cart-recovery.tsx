import { rate } from '../api/carts.ts';
import { num, useReport, utcDay } from '../api/reports.ts';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, Loading, ProblemMessage } from '../components/status.tsx';
import { cellText } from '../components/text.ts';

type Row = Record<string, unknown>;

/** One reminder step of the `cart_recovery` report (ClickHouse sends 64-bit counts as strings). */
interface Step {
  step: number;
  reminded: number;
  recovered: number;
  revenue: number;
  minutes: number | null;
}

/** The report's rows of one currency: the carts and abandoned are the same on each, one row per step. */
interface CurrencyRecovery {
  currency: string;
  carts: number;
  abandoned: number;
  abandonmentRate: number;
  steps: Step[];
}

function byCurrency(rows: Row[]): CurrencyRecovery[] {
  const found = new Map<string, CurrencyRecovery>();
  for (const row of rows) {
    const currency = cellText(row.currency);
    const entry = found.get(currency) ?? {
      currency,
      carts: num(row.carts),
      abandoned: num(row.abandoned),
      abandonmentRate: num(row.abandonment_rate),
      steps: [],
    };
    entry.steps.push({
      step: num(row.step),
      reminded: num(row.reminded),
      recovered: num(row.recovered_carts),
      revenue: num(row.revenue_recovered),
      minutes: row.median_minutes_to_recover === null ? null : num(row.median_minutes_to_recover),
    });
    found.set(currency, entry);
  }
  return [...found.values()];
}

/** "45 min", "3.5 h", "2.0 days". */
function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}

/**
 * The overview's cart card, from ClickHouse (the `cart_recovery` report over `cart_activity`): of
 * the carts started in the last 30 days, the share abandoned (they got a reminder), and per reminder
 * step the carts recovered, their revenue and the median time from the first reminder to checkout.
 * The Carts page keeps the live funnel of the carts read model.
 */
export function CartRecoveryCards() {
  const report = useReport('cart_recovery', { from: utcDay(-29), to: utcDay(1) });
  return (
    <section aria-labelledby="cart-recovery" className="cards">
      <h2 id="cart-recovery">Cart abandonment and recovery, last 30 days</h2>
      <ProblemMessage error={report.error} />
      {report.error ? null : !report.data ? (
        <Loading what="the cart recovery figures" />
      ) : report.data.length === 0 ? (
        <p className="empty">No cart was abandoned (none got a reminder) in these 30 days.</p>
      ) : (
        byCurrency(report.data).map((entry) => <CurrencyCards key={entry.currency} entry={entry} />)
      )}
    </section>
  );
}

function CurrencyCards({ entry }: { entry: CurrencyRecovery }) {
  const { currency, steps } = entry;
  const recovered = steps.reduce((sum, step) => sum + step.recovered, 0);
  const reminded = steps.reduce((sum, step) => sum + step.reminded, 0);
  const revenue = steps.reduce((sum, step) => sum + step.revenue, 0);
  return (
    <div data-testid={`cart-recovery-${currency}`}>
      <dl>
        <div className="card">
          <dt>Abandoned ({currency})</dt>
          <dd data-testid="abandonment-rate">{rate(entry.abandonmentRate, 1)}</dd>
          <dd className="sub">
            {entry.abandoned} of {entry.carts} carts got a reminder
          </dd>
        </div>
        <div className="card">
          <dt>Recovered after a reminder</dt>
          <dd data-testid="carts-recovered">{recovered}</dd>
          <dd className="sub">
            of {reminded} reminded carts ({rate(recovered, reminded)})
          </dd>
        </div>
        <div className="card">
          <dt>Revenue recovered</dt>
          <dd data-testid="revenue-recovered">{formatMoney(revenue, currency)}</dd>
        </div>
      </dl>
      <DataTable
        caption={`Carts recovered per reminder step (${currency})`}
        rows={steps}
        columns={[
          { header: 'Last reminder', cell: (step) => `reminder ${step.step + 1}` },
          { header: 'Carts reminded', cell: (step) => step.reminded, numeric: true },
          { header: 'Recovered', cell: (step) => step.recovered, numeric: true },
          { header: 'Recovery rate', cell: (step) => rate(step.recovered, step.reminded), numeric: true },
          { header: 'Revenue', cell: (step) => formatMoney(step.revenue, currency), numeric: true },
          { header: 'Median time to recover', cell: (step) => duration(step.minutes), numeric: true },
        ]}
      />
    </div>
  );
}
