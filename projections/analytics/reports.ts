import { z } from 'zod';
import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';

/**
 * The ready-made reports analysts ask for, shared by `qm analytics report`, the admin read API and
 * docs/analytics.md. Each is one ClickHouse query over the analytics tables with bound parameters
 * (never string-built from input): `from` (inclusive) and `to` (exclusive) dates, a `granularity`
 * for time series, a `limit` for rankings. Money is in minor units of its `currency`.
 */
export type Granularity = 'day' | 'week' | 'month';
export const granularities: readonly Granularity[] = ['day', 'week', 'month'];

export interface ReportParams {
  /** First day included, `YYYY-MM-DD`. */
  from: string;
  /** First day no longer included, `YYYY-MM-DD`. */
  to: string;
  granularity: Granularity;
  limit: number;
}

export interface ReportDefinition {
  name: string;
  title: string;
  description: string;
  /** Which of the parameters change its answer (all are always bound). */
  uses: readonly (keyof ReportParams)[];
  sql(db: string): string;
}

/** `day` truncated to the start of its week (Monday) or month, per `{granularity}`. */
const period = (column: string) =>
  `multiIf({granularity:String} = 'week', toMonday(${column}), {granularity:String} = 'month', toStartOfMonth(${column}), ${column})`;
const inRange = (column: string) => `${column} >= {from:Date} AND ${column} < {to:Date}`;

/**
 * Daily stock levels per SKU and location from the movement rollup: the running sums of on-hand
 * and available (on hand − reserved) at the end of each day with movements, and the next such day
 * (or `to`), so a level holds over [day, next_day).
 */
const stockLevels = (db: string) => `
  SELECT sku, location, day, on_hand, available,
    leadInFrame(day, 1, {to:Date}) OVER (PARTITION BY sku, location ORDER BY day
      ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_day
  FROM (
    SELECT sku, location, day,
      sum(d_on_hand) OVER w AS on_hand,
      sum(d_on_hand - d_reserved) OVER w AS available
    FROM (
      SELECT sku, location, day, sum(on_hand_delta) AS d_on_hand, sum(reserved_delta) AS d_reserved
      FROM ${db}.inventory_daily WHERE day < {to:Date} GROUP BY sku, location, day
    )
    WINDOW w AS (PARTITION BY sku, location ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  )`;

export const reports: readonly ReportDefinition[] = [
  {
    name: 'sales',
    title: 'Sales by day, week or month',
    description:
      'Orders placed, units, revenue and discounts per period and currency (from the sales_daily rollup).',
    uses: ['from', 'to', 'granularity'],
    sql: (db) => `
      SELECT ${period('day')} AS period, currency,
        sum(orders) AS orders, sum(units) AS units, sum(revenue) AS revenue, sum(discount) AS discount
      FROM ${db}.sales_daily WHERE ${inRange('day')}
      GROUP BY period, currency ORDER BY period, currency`,
  },
  {
    name: 'revenue',
    title: 'Revenue collected',
    description: 'Payments captured, refunds issued and net revenue per period and currency.',
    uses: ['from', 'to', 'granularity'],
    sql: (db) => `
      SELECT ${period('day')} AS period, currency,
        sumIf(amount, kind = 'captured') AS captured, sumIf(amount, kind = 'refunded') AS refunded,
        captured - refunded AS net
      FROM ${db}.payments_daily WHERE ${inRange('day')} AND kind IN ('captured', 'refunded')
      GROUP BY period, currency ORDER BY period, currency`,
  },
  {
    name: 'top_sellers',
    title: 'Top sellers',
    description: 'The SKUs with the most units ordered in the range, with revenue and product name.',
    uses: ['from', 'to', 'limit'],
    sql: (db) => `
      SELECT s.sku AS sku, any(p.name) AS name, sum(s.units) AS units, sum(s.revenue) AS revenue,
        any(s.currency) AS currency
      FROM ${db}.sales_daily AS s LEFT JOIN ${db}.products AS p ON p.sku = s.sku
      WHERE ${inRange('s.day')}
      GROUP BY s.sku ORDER BY units DESC, s.sku LIMIT {limit:UInt32}`,
  },
  {
    name: 'top_sellers_by_day',
    title: 'Top sellers by day',
    description: 'For each day, the `limit` SKUs with the most units ordered.',
    uses: ['from', 'to', 'limit'],
    sql: (db) => `
      SELECT day, sku, sum(units) AS units, sum(revenue) AS revenue
      FROM ${db}.sales_daily WHERE ${inRange('day')}
      GROUP BY day, sku ORDER BY day, units DESC, sku LIMIT {limit:UInt32} BY day`,
  },
  {
    name: 'refund_rate',
    title: 'Refund rate',
    description:
      'Per period and currency: money refunded over money captured, and paid orders that got a refund.',
    uses: ['from', 'to', 'granularity'],
    sql: (db) => `
      SELECT ${period('toDate(time)')} AS period, currency,
        sumIf(amount, kind = 'captured') AS captured, sumIf(amount, kind = 'refunded') AS refunded,
        round(refunded / nullIf(captured, 0), 4) AS refund_rate,
        uniqExactIf(order_id, kind = 'captured') AS paid_orders,
        uniqExactIf(order_id, kind = 'refunded') AS refunded_orders
      FROM ${db}.payments FINAL WHERE ${inRange('toDate(time)')} AND kind IN ('captured', 'refunded')
      GROUP BY period, currency ORDER BY period, currency`,
  },
  {
    name: 'dispute_rate',
    title: 'Dispute rate',
    description:
      'Per period and currency: orders whose payment was disputed (chargebacks opened in the period) over orders paid in it, the money disputed and the money lost in disputes closed in it.',
    uses: ['from', 'to', 'granularity'],
    sql: (db) => `
      SELECT ${period('toDate(time)')} AS period, currency,
        uniqExactIf(order_id, kind = 'captured') AS paid_orders,
        uniqExactIf(order_id, kind = 'dispute_opened') AS disputed_orders,
        round(disputed_orders / nullIf(paid_orders, 0), 4) AS dispute_rate,
        sumIf(amount, kind = 'dispute_opened') AS disputed,
        sumIf(amount, kind = 'dispute_lost') AS lost
      FROM (
        SELECT time, order_id, currency, amount, kind FROM ${db}.payments FINAL WHERE kind = 'captured'
        UNION ALL
        SELECT time, order_id, currency, amount, kind FROM ${db}.after_sale FINAL
        WHERE kind IN ('dispute_opened', 'dispute_lost')
      )
      WHERE ${inRange('toDate(time)')}
      GROUP BY period, currency ORDER BY period, currency`,
  },
  {
    name: 'sell_through',
    title: 'Sell-through',
    description:
      'Per SKU and location: units shipped in the range over the units available to sell (on hand at `from` plus received in the range).',
    uses: ['from', 'to'],
    sql: (db) => `
      SELECT sku, location,
        sumIf(on_hand_delta, day < {from:Date}) AS opening_on_hand,
        sumIf(received + transferred_in, day >= {from:Date}) AS received,
        sumIf(shipped, day >= {from:Date}) AS shipped,
        round(shipped / nullIf(opening_on_hand + received, 0), 4) AS sell_through
      FROM ${db}.inventory_daily WHERE day < {to:Date}
      GROUP BY sku, location HAVING opening_on_hand + received > 0
      ORDER BY sell_through DESC, sku, location`,
  },
  {
    name: 'stockouts',
    title: 'Stockouts',
    description:
      'Per SKU and location: days in the range on which nothing was available to sell (on hand minus reserved at most 0), and the level at `to`.',
    uses: ['from', 'to'],
    sql: (db) => `
      SELECT sku, location,
        sum(if(available <= 0,
          greatest(0, dateDiff('day', greatest(day, {from:Date}), least(next_day, {to:Date}))), 0)) AS stockout_days,
        argMax(available, day) AS available_now,
        argMax(on_hand, day) AS on_hand_now
      FROM (${stockLevels(db)})
      GROUP BY sku, location HAVING stockout_days > 0
      ORDER BY stockout_days DESC, sku, location`,
  },
  {
    name: 'days_of_cover',
    title: 'Days of cover',
    description:
      'Per SKU and location: stock on hand at `to` over the average daily units ordered in the range.',
    uses: ['from', 'to'],
    sql: (db) => `
      SELECT stock.sku AS sku, stock.location AS location, stock.on_hand AS on_hand,
        round(coalesce(sales.units, 0) / dateDiff('day', {from:Date}, {to:Date}), 4) AS daily_demand,
        if(daily_demand > 0, round(on_hand / daily_demand, 1), NULL) AS days_of_cover
      FROM (
        SELECT sku, location, sum(on_hand_delta) AS on_hand FROM ${db}.inventory_daily
        WHERE day < {to:Date} GROUP BY sku, location
      ) AS stock
      LEFT JOIN (
        SELECT sku, location, sum(units) AS units FROM ${db}.sales_daily
        WHERE ${inRange('day')} GROUP BY sku, location
      ) AS sales ON sales.sku = stock.sku AND sales.location = stock.location
      ORDER BY days_of_cover ASC NULLS LAST, sku, location`,
  },
  {
    name: 'promotion_cost',
    title: 'Promotion cost (top promotions)',
    description:
      'Per promotion: redemptions, discounted units and the discount given in the range, net of redemptions given back (cancelled or expired orders), ranked by discount; `limit` caps the ranking.',
    uses: ['from', 'to', 'limit'],
    sql: (db) => `
      SELECT r.promotion_id AS promotion_id, any(c.currency) AS currency,
        sum(r.redemptions) AS redemptions, sum(r.units) AS units, sum(r.discount) AS discount,
        uniqExactIf(r.code, r.code != '') AS codes
      FROM ${db}.promotion_redemptions AS r FINAL
      LEFT JOIN (
        SELECT promotion_id, any(currency) AS currency FROM ${db}.promotion_redemptions FINAL
        WHERE kind = 'redeemed' GROUP BY promotion_id
      ) AS c ON c.promotion_id = r.promotion_id
      WHERE ${inRange('toDate(r.time)')}
      GROUP BY r.promotion_id ORDER BY discount DESC, promotion_id LIMIT {limit:UInt32}`,
  },
  {
    name: 'promotion_redemptions',
    title: 'Redemptions per day and code',
    description:
      'Per period, promotion and code: redemptions and the discount given when they were made (gross: a later give-back is not taken off here). One shared code redeemed far more often than its audience would is a leaked code.',
    uses: ['from', 'to', 'granularity'],
    sql: (db) => `
      SELECT ${period('toDate(time)')} AS period, promotion_id, code, any(currency) AS currency,
        count() AS redemptions, sum(discount) AS discount, uniqExact(customer_id) AS customers
      FROM ${db}.promotion_redemptions FINAL
      WHERE kind = 'redeemed' AND ${inRange('toDate(time)')}
      GROUP BY period, promotion_id, code ORDER BY period, promotion_id, code`,
  },
  {
    name: 'promotion_revenue',
    title: 'Revenue with and without each promotion',
    description:
      "Per promotion and currency: orders placed in the range that kept the promotion (not cancelled, redemption not given back) and their revenue and average order, against the same range's other orders.",
    uses: ['from', 'to', 'limit'],
    sql: (db) => {
      const placed = `
        SELECT order_id, total, currency FROM ${db}.order_status FINAL
        WHERE status = 'placed' AND ${inRange('toDate(time)')}
          AND order_id NOT IN (SELECT order_id FROM ${db}.order_status FINAL WHERE status = 'cancelled')`;
      return `
      SELECT w.promotion_id AS promotion_id, w.currency AS currency,
        w.orders AS orders_with, w.revenue AS revenue_with, intDiv(w.revenue, w.orders) AS average_with,
        a.orders - w.orders AS orders_without, a.revenue - w.revenue AS revenue_without,
        if(a.orders > w.orders, intDiv(a.revenue - w.revenue, a.orders - w.orders), NULL) AS average_without
      FROM (
        SELECT h.promotion_id AS promotion_id, p.currency AS currency,
          toInt64(count()) AS orders, sum(p.total) AS revenue
        FROM (${placed}) AS p
        INNER JOIN (
          SELECT promotion_id, order_id FROM ${db}.promotion_redemptions FINAL
          GROUP BY promotion_id, order_id HAVING sum(redemptions) > 0
        ) AS h ON h.order_id = p.order_id
        GROUP BY promotion_id, currency
      ) AS w
      INNER JOIN (
        SELECT currency, toInt64(count()) AS orders, sum(total) AS revenue FROM (${placed}) GROUP BY currency
      ) AS a ON a.currency = w.currency
      ORDER BY revenue_with DESC, promotion_id LIMIT {limit:UInt32}`;
    },
  },
  {
    name: 'cart_recovery',
    title: 'Abandoned carts recovered',
    description:
      'Of the carts that got their first line in the range, per currency: how many there were, how many were abandoned (got a reminder) and the abandonment rate; then per reminder step (the last one a cart got): carts reminded, carts checked out after it, the recovery rate, the revenue of their orders and the median minutes from the first reminder to checkout.',
    uses: ['from', 'to'],
    sql: (db) => `
      WITH per_cart AS (
        SELECT cart_id,
          anyIf(currency, kind = 'line_added') AS currency,
          minIf(time, kind = 'line_added') AS started,
          countIf(kind = 'reminded') AS reminders,
          minIf(time, kind = 'reminded') AS first_reminder,
          maxIf(step, kind = 'reminded') AS last_step,
          countIf(kind = 'checked_out') > 0 AND minIf(time, kind = 'checked_out') >= first_reminder AS recovered,
          minIf(time, kind = 'checked_out') AS checked_out_at,
          anyIf(order_id, kind = 'checked_out') AS order_id
        FROM ${db}.cart_activity FINAL
        GROUP BY cart_id
        HAVING countIf(kind = 'line_added') > 0 AND ${inRange('toDate(started)')}
      ),
      totals AS (
        SELECT currency, count() AS carts, countIf(reminders > 0) AS abandoned FROM per_cart GROUP BY currency
      )
      SELECT c.currency AS currency, t.carts AS carts, t.abandoned AS abandoned,
        round(t.abandoned / nullIf(t.carts, 0), 4) AS abandonment_rate,
        c.last_step AS step, count() AS reminded, countIf(c.recovered) AS recovered_carts,
        round(recovered_carts / reminded, 4) AS recovery_rate,
        sumIf(o.total, c.recovered) AS revenue_recovered,
        round(medianIf(dateDiff('second', c.first_reminder, c.checked_out_at), c.recovered) / 60, 1)
          AS median_minutes_to_recover
      FROM per_cart AS c
      INNER JOIN totals AS t ON t.currency = c.currency
      LEFT JOIN (
        SELECT order_id, any(total) AS total FROM ${db}.order_status FINAL WHERE status = 'placed' GROUP BY order_id
      ) AS o ON o.order_id = c.order_id
      WHERE c.reminders > 0
      GROUP BY currency, carts, abandoned, step ORDER BY currency, step`,
  },
];

export function findReport(name: string): ReportDefinition | undefined {
  return reports.find((report) => report.name === name);
}

const isoDate = z.iso.date();

/** Report parameters as given by a person (query string, CLI flags): all optional, validated. */
export const reportParamsInput = z
  .object({
    from: isoDate.optional().describe('first day included (YYYY-MM-DD); default 30 days before `to`'),
    to: isoDate.optional().describe('first day excluded (YYYY-MM-DD); default tomorrow'),
    granularity: z.enum(['day', 'week', 'month']).optional().describe('time series step; default day'),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('rows per ranking; default 10'),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { path: ['to'], message: 'must be after from' });
export type ReportParamsInput = z.infer<typeof reportParamsInput>;

/** Report parameters with defaults for those not given: the 30 days up to and including `today`. */
export function reportParams(given: ReportParamsInput, today: Date): ReportParams {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const to = given.to ?? day(new Date(today.getTime() + 86_400_000));
  const from = given.from ?? day(new Date(Date.parse(to) - 30 * 86_400_000));
  return { from, to, granularity: given.granularity ?? 'day', limit: given.limit ?? 10 };
}

/** Runs a report and returns its rows (64-bit integers as strings). */
export async function reportRows(
  analytics: AnalyticsClient,
  report: ReportDefinition,
  params: ReportParams,
): Promise<Record<string, unknown>[]> {
  const result = await analytics.client.query({
    query: report.sql(analytics.database),
    query_params: { ...params },
    format: 'JSONEachRow',
  });
  return result.json<Record<string, unknown>>();
}

/** Runs a report and returns CSV with a header row, as ClickHouse writes it. */
export async function reportCsv(
  analytics: AnalyticsClient,
  report: ReportDefinition,
  params: ReportParams,
): Promise<string> {
  const result = await analytics.client.query({
    query: report.sql(analytics.database),
    query_params: { ...params },
    format: 'CSVWithNames',
  });
  return result.text();
}
