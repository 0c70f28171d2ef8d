import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { must, readApi } from '../api/clients.ts';
import { num, useReport, utcDay } from '../api/reports.ts';
import { useSession } from '../api/use-session.ts';
import { CartRecoveryCards } from './cart-recovery.tsx';
import { Chart, preloadCharts } from '../components/lazy-chart.tsx';
import { DataTable } from '../components/data-table.tsx';
import { formatMoney, Loading, ProblemMessage } from '../components/status.tsx';
import { cellText } from '../components/text.ts';

type Row = Record<string, unknown>;
const money = (row: Row, key: string) => formatMoney(num(row[key]), cellText(row.currency, 'EUR'));

/**
 * Today against the same weekday last week, the sales trend, top sellers, refund rate, cart
 * abandonment and recovery, and low stock.
 */
export function OverviewPage() {
  const { can } = useSession();
  // The charts chunk loads beside the data requests, not after them.
  useEffect(preloadCharts, []);
  return (
    <>
      <h1>Overview</h1>
      <TodayVersusLastWeek />
      <SalesTrend />
      <div className="grid">
        <TopSellers />
        <RefundRate />
      </div>
      <CartRecoveryCards />
      {can.has('stock:read') ? <LowStockAlerts /> : null}
    </>
  );
}

function TodayVersusLastWeek() {
  const today = utcDay(0);
  const lastWeek = utcDay(-7);
  const sales = useReport('sales', { from: lastWeek, to: utcDay(1), granularity: 'day' });
  if (sales.error) return <ProblemMessage error={sales.error} />;
  if (!sales.data) return <Loading what="today's sales" />;
  const on = (day: string) => {
    const rows = sales.data.filter((row) => cellText(row.period).startsWith(day));
    return {
      orders: rows.reduce((sum, row) => sum + num(row.orders), 0),
      revenue: rows.reduce((sum, row) => sum + num(row.revenue), 0),
      currency: cellText(rows[0]?.currency, 'EUR'),
    };
  };
  const now = on(today);
  const then = on(lastWeek);
  const change = (a: number, b: number) =>
    b === 0 ? '—' : `${a >= b ? '+' : ''}${Math.round(((a - b) / b) * 100)}%`;
  return (
    <section aria-labelledby="today" className="cards">
      <h2 id="today">Today (UTC) against the same day last week</h2>
      <dl>
        <div className="card" data-testid="revenue-today">
          <dt>Revenue today</dt>
          <dd>{formatMoney(now.revenue, now.currency)}</dd>
          <dd className="sub">
            last week {formatMoney(then.revenue, then.currency)} ({change(now.revenue, then.revenue)})
          </dd>
        </div>
        <div className="card" data-testid="orders-today">
          <dt>Orders today</dt>
          <dd>{now.orders}</dd>
          <dd className="sub">
            last week {then.orders} ({change(now.orders, then.orders)})
          </dd>
        </div>
      </dl>
    </section>
  );
}

function SalesTrend() {
  const [granularity, setGranularity] = useState<'day' | 'week' | 'month'>('day');
  const sales = useReport('sales', { from: utcDay(-89), to: utcDay(1), granularity });
  return (
    <section aria-labelledby="trend">
      <h2 id="trend">Sales trend</h2>
      <label>
        By{' '}
        <select value={granularity} onChange={(e) => setGranularity(e.target.value as typeof granularity)}>
          <option value="day">day</option>
          <option value="week">week</option>
          <option value="month">month</option>
        </select>
      </label>
      <ProblemMessage error={sales.error} />
      {sales.data ? (
        <Chart
          title={`Revenue and orders by ${granularity}, last 90 days`}
          rows={sales.data}
          columns={[
            { header: 'Period', cell: (row) => cellText(row.period) },
            { header: 'Orders', cell: (row) => num(row.orders), numeric: true },
            { header: 'Revenue', cell: (row) => money(row, 'revenue'), numeric: true },
          ]}
          option={{
            tooltip: { trigger: 'axis' },
            legend: {},
            xAxis: { type: 'category', data: sales.data.map((row) => cellText(row.period).slice(0, 10)) },
            yAxis: [
              { type: 'value', name: 'revenue' },
              { type: 'value', name: 'orders' },
            ],
            series: [
              { name: 'Revenue', type: 'bar', data: sales.data.map((row) => num(row.revenue) / 100) },
              { name: 'Orders', type: 'line', yAxisIndex: 1, data: sales.data.map((row) => num(row.orders)) },
            ],
          }}
        />
      ) : (
        <Loading what="the sales trend" />
      )}
    </section>
  );
}

function TopSellers() {
  const top = useReport('top_sellers', { from: utcDay(-29), to: utcDay(1), limit: 10 });
  return (
    <section aria-labelledby="top">
      <h2 id="top">Top sellers, last 30 days</h2>
      <ProblemMessage error={top.error} />
      {top.data ? (
        <Chart
          title="Units ordered per SKU"
          rows={top.data}
          columns={[
            { header: 'SKU', cell: (row) => cellText(row.sku) },
            { header: 'Name', cell: (row) => cellText(row.name) },
            { header: 'Units', cell: (row) => num(row.units), numeric: true },
            { header: 'Revenue', cell: (row) => money(row, 'revenue'), numeric: true },
          ]}
          option={{
            tooltip: {},
            grid: { left: 100 },
            xAxis: { type: 'value' },
            yAxis: { type: 'category', inverse: true, data: top.data.map((row) => cellText(row.sku)) },
            series: [{ name: 'Units', type: 'bar', data: top.data.map((row) => num(row.units)) }],
          }}
        />
      ) : (
        <Loading what="top sellers" />
      )}
    </section>
  );
}

function RefundRate() {
  const refunds = useReport('refund_rate', { from: utcDay(-29), to: utcDay(1), granularity: 'month' });
  if (refunds.error) return <ProblemMessage error={refunds.error} />;
  if (!refunds.data) return <Loading what="the refund rate" />;
  const captured = refunds.data.reduce((sum, row) => sum + num(row.captured), 0);
  const refunded = refunds.data.reduce((sum, row) => sum + num(row.refunded), 0);
  return (
    <section aria-labelledby="refunds" className="cards">
      <h2 id="refunds">Refund rate, last 30 days</h2>
      <p className="big" data-testid="refund-rate">
        {captured === 0 ? '—' : `${((refunded / captured) * 100).toFixed(1)}%`}
      </p>
      <p className="sub">
        {refunds.data.reduce((sum, row) => sum + num(row.refunded_orders), 0)} of{' '}
        {refunds.data.reduce((sum, row) => sum + num(row.paid_orders), 0)} paid orders refunded
      </p>
    </section>
  );
}

export function LowStockAlerts() {
  const low = useQuery({
    queryKey: ['stock', 'low'],
    queryFn: async ({ signal }) =>
      must(await readApi.GET('/staff/low-stock', { params: { query: { limit: 50 } }, signal })).items,
  });
  return (
    <section aria-labelledby="low">
      <h2 id="low">Low stock</h2>
      <ProblemMessage error={low.error} />
      {low.data ? (
        <DataTable
          caption="Low stock"
          rows={low.data}
          empty="Nothing is at or below its threshold."
          columns={[
            { header: 'SKU', cell: (row) => row.sku },
            { header: 'Location', cell: (row) => row.location },
            { header: 'Available', cell: (row) => row.available, numeric: true },
            { header: 'Threshold', cell: (row) => row.lowStockThreshold ?? '—', numeric: true },
          ]}
        />
      ) : (
        <Loading what="low stock" />
      )}
    </section>
  );
}
