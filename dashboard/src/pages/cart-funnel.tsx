import { rate, useCartFunnel } from '../api/carts.ts';
import { formatMoney, Loading, ProblemMessage } from '../components/status.tsx';

/** Abandonment and recovery of the carts started in the last `days` days, per currency. */
export function CartFunnelCards({ days, heading }: { days: number; heading: 'h2' | 'h3' }) {
  const funnel = useCartFunnel(days);
  const Heading = heading;
  return (
    <section aria-labelledby="cart-funnel" className="cards">
      <Heading id="cart-funnel">Cart abandonment and recovery, last {days} days</Heading>
      <ProblemMessage error={funnel.error} />
      {funnel.error ? null : !funnel.data ? (
        <Loading what="the cart figures" />
      ) : funnel.data.length === 0 ? (
        <p className="empty">No carts were started in this period.</p>
      ) : (
        funnel.data.map((row) => (
          <dl key={row.currency} data-testid={`cart-funnel-${row.currency}`}>
            <div className="card">
              <dt>Abandoned ({row.currency})</dt>
              <dd data-testid="abandonment-rate">{rate(row.abandoned, row.abandoned + row.checkedOut)}</dd>
              <dd className="sub">
                {row.abandoned} of {row.started} carts, holding{' '}
                {formatMoney(row.abandonedValue, row.currency)}
              </dd>
            </div>
            <div className="card">
              <dt>Recovered after a reminder</dt>
              <dd data-testid="recovery-rate">{rate(row.recovered, row.reminded)}</dd>
              <dd className="sub">
                {row.recovered} of {row.reminded} reminded carts checked out
              </dd>
            </div>
            <div className="card">
              <dt>Checked out</dt>
              <dd>{row.checkedOut}</dd>
              <dd className="sub">of {row.started} carts started</dd>
            </div>
          </dl>
        ))
      )}
    </section>
  );
}
