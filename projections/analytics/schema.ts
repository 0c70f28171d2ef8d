import type { AnalyticsClient } from '../../infra/analytics/analytics-client.ts';

/**
 * The analytics tables, in ClickHouse SQL that runs unchanged on a server and on chDB.
 *
 * Money is Int64 minor units with its currency beside it (never floats, as in domain/money.ts).
 * Times are the event's `metadata.occurredAt` (the command's clock), never the wall clock at
 * insert, so a replay rebuilds exactly the same rows.
 *
 * How totals stay exact although the sink is at-least-once (replays, retries after a crash):
 * - Every fact table has `time` and `event_id`, and its sorting key starts with `time`. Before each
 *   insert the projection asks that table which of the batch's event ids it already holds (a
 *   primary-key range read bounded by the batch's times) and inserts only the others. The projector
 *   runs as one active instance (the runtime's lease), so nothing inserts between check and insert.
 * - The check is per table, not once per batch: a crash after some tables took a batch and before
 *   the others did leaves each table able to tell what it lacks.
 * - Duplicates must be kept out *before* the insert because the daily rollups are materialized
 *   views: a view sees each inserted block, not the table, so a duplicate row that reached a fact
 *   table would be summed into the rollup for good (no later merge can take it out again).
 * - The fact tables are ReplacingMergeTree on a key unique per row anyway, so `FINAL` would still
 *   collapse a duplicate that got past the check (two projectors run by hand, say).
 * - Nothing is partitioned: one insert of one batch is then one part per table, written whole or
 *   not at all, so an event's rows are in a table entirely or not at all.
 * - The residual window: ClickHouse writes a table's part and its views' parts as separate steps;
 *   a server crash between the two leaves a rollup short. `qm replay analytics` rebuilds both.
 */
export const factTables = [
  'raw_events',
  'order_lines',
  'order_status',
  'order_tax',
  'payments',
  'inventory_movements',
  'price_changes',
  'products',
  'promotion_redemptions',
  'after_sale',
  'cart_activity',
] as const;
export type FactTable = (typeof factTables)[number];

export const rollupTables = ['sales_daily', 'inventory_daily', 'payments_daily'] as const;

const time = `time DateTime64(3, 'UTC')`;
const money = (name: string) => `${name} Int64`;

/** DDL in the order it must run: tables, then rollup targets, then the views feeding them. */
export function analyticsDdl(db: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${db}.raw_events (
      ${time} COMMENT 'metadata.occurredAt',
      event_id UUID,
      recorded_at DateTime64(3, 'UTC'),
      type LowCardinality(String),
      stream String,
      category LowCardinality(String),
      revision UInt64,
      position String COMMENT 'commit:prepare in the global log',
      actor_id String,
      actor_role LowCardinality(String),
      correlation_id String,
      causation_id String,
      data String COMMENT 'the event data as JSON; query it with JSONExtract*',
      metadata String
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.order_lines (
      ${time},
      event_id UUID,
      order_id String,
      customer_id String,
      line_id String,
      sku String,
      location String COMMENT 'where the stock was reserved (one row per allocation)',
      quantity Int64,
      ${money('unit_price')},
      ${money('discount')} COMMENT 'quantity x unit_price - revenue',
      ${money('revenue')} COMMENT 'what the customer pays for these units',
      currency LowCardinality(String),
      order_count UInt8 COMMENT '1 on the first row of each order, else 0: sum() counts orders'
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id, line_id, location)`,

    `CREATE TABLE IF NOT EXISTS ${db}.order_status (
      ${time},
      event_id UUID,
      order_id String,
      status LowCardinality(String) COMMENT 'placed | cancelled | shipped | delivered',
      reason String,
      shipment_id String,
      carrier String,
      location String,
      ${money('total')},
      currency LowCardinality(String)
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.order_tax (
      ${time},
      event_id UUID,
      order_id String,
      line_id String COMMENT 'the order line, or shipping',
      sku String COMMENT 'empty for shipping',
      country LowCardinality(String),
      tax_region_id String COMMENT 'the tax region that applied (a state region, else the country one); empty when none did. The address region is personal data and stays out',
      tax_class LowCardinality(String),
      rate_bps UInt32,
      ${money('taxable')} COMMENT 'the line after discounts, or the shipping fee',
      ${money('tax')} COMMENT 'collected: added on top, or held in the price (included = 1)',
      included UInt8,
      currency LowCardinality(String)
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id, line_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.payments (
      ${time},
      event_id UUID,
      order_id String,
      kind LowCardinality(String) COMMENT 'authorized | captured | failed | refunded',
      payment_ref String,
      refund_id String,
      ${money('amount')} COMMENT 'positive for every kind; refunds are money going back',
      currency LowCardinality(String),
      reason String
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.inventory_movements (
      ${time},
      event_id UUID,
      sku String,
      location String,
      kind LowCardinality(String),
      on_hand_delta Int64,
      reserved_delta Int64,
      backordered_delta Int64,
      order_id String,
      reference String COMMENT 'receipt reference, shipment, transfer id or adjustment reason'
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.price_changes (
      ${time},
      event_id UUID,
      product_id String,
      ${money('old_price')},
      ${money('new_price')},
      currency LowCardinality(String),
      reason String,
      actor_id String
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    `CREATE TABLE IF NOT EXISTS ${db}.products (
      ${time},
      event_id UUID,
      product_id String,
      sku String,
      name String,
      brand String,
      category String,
      ${money('price')} COMMENT 'price at creation; later prices are in price_changes',
      currency LowCardinality(String)
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    // From the promotion's own redemption stream only (scope 'promotion'), which every redemption
    // reaches: the code and customer streams repeat it for their limits and would count it twice.
    // A release is a row of its own with negative measures, so sums are net of cancellations.
    `CREATE TABLE IF NOT EXISTS ${db}.promotion_redemptions (
      ${time},
      event_id UUID,
      promotion_id String,
      promotion_version UInt32 COMMENT '0 on a release (the redemption row holds it)',
      order_id String,
      customer_id String,
      code String COMMENT 'the code entered, normalized; empty for an automatic promotion',
      kind LowCardinality(String) COMMENT 'redeemed | released',
      reason LowCardinality(String) COMMENT 'why a release: cancelled | expired | refunded | not_placed',
      redemptions Int64 COMMENT '1 redeemed, -1 released',
      units Int64 COMMENT 'discounted units; negative on a release',
      ${money('discount')} COMMENT 'the discount given; negative on a release',
      currency LowCardinality(String) COMMENT 'empty on a release: take it from the redemption'
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    // Returns, exchanges, claims and disputes: one row per case line (a dispute is one row, its
    // line_id empty), so return rates read per SKU and reason with a join to products for the
    // category; order_lines gives the units sold to divide by.
    `CREATE TABLE IF NOT EXISTS ${db}.after_sale (
      ${time},
      event_id UUID,
      kind LowCardinality(String) COMMENT 'return_requested | return_received | return_refunded | exchange_returned | exchange_replacement | claim_opened | claim_replaced | claim_refunded | dispute_opened | dispute_funds_withdrawn | dispute_won | dispute_lost',
      case_id String COMMENT 'the return, exchange, claim or dispute',
      order_id String,
      line_id String COMMENT 'the order line; empty for a dispute',
      sku String,
      quantity Int64,
      ${money('amount')} COMMENT 'the line amount returned or refunded, or the disputed amount',
      currency LowCardinality(String),
      reason String COMMENT 'the return or claim reason, or the provider reason of a dispute',
      disposition LowCardinality(String) COMMENT 'restock | write_off on a received line, else empty'
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id, line_id)`,

    // The steps of a cart that recovery is measured by: each line added (a cart worth reminding
    // about), each reminder, a restore from a reminder's link, checkout. What a cart held and who
    // it belongs to stay out: the rates and the revenue (from order_status) need neither.
    `CREATE TABLE IF NOT EXISTS ${db}.cart_activity (
      ${time},
      event_id UUID,
      cart_id String,
      kind LowCardinality(String) COMMENT 'line_added | reminded | restored | checked_out',
      step Int64 COMMENT 'the reminder step (0 first) of reminded and restored; -1 otherwise',
      order_id String COMMENT 'the order of checked_out; empty otherwise',
      currency LowCardinality(String) COMMENT 'the cart currency, on line_added'
    ) ENGINE = ReplacingMergeTree ORDER BY (time, event_id)`,

    // Rollups. Plain sums merge correctly whatever parts they come in. Orders are counted by
    // `order_count` (1 on one row per order), so a sum over every SKU of a period is the exact
    // number of orders without a distinct-count state per row, which would make the rollup as
    // heavy as the facts.
    `CREATE TABLE IF NOT EXISTS ${db}.sales_daily (
      day Date,
      sku String,
      location String,
      currency LowCardinality(String),
      units SimpleAggregateFunction(sum, Int64),
      revenue SimpleAggregateFunction(sum, Int64),
      discount SimpleAggregateFunction(sum, Int64),
      lines SimpleAggregateFunction(sum, UInt64),
      orders SimpleAggregateFunction(sum, UInt64) COMMENT 'exact only summed over all SKUs and locations'
    ) ENGINE = AggregatingMergeTree ORDER BY (day, sku, location, currency)`,

    `CREATE TABLE IF NOT EXISTS ${db}.inventory_daily (
      day Date,
      sku String,
      location String,
      on_hand_delta Int64,
      reserved_delta Int64,
      backordered_delta Int64,
      received Int64,
      shipped Int64,
      adjusted Int64,
      transferred_in Int64,
      transferred_out Int64
    ) ENGINE = SummingMergeTree ORDER BY (day, sku, location)`,

    `CREATE TABLE IF NOT EXISTS ${db}.payments_daily (
      day Date,
      currency LowCardinality(String),
      kind LowCardinality(String),
      amount Int64,
      count UInt64
    ) ENGINE = SummingMergeTree ORDER BY (day, currency, kind)`,

    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.sales_daily_mv TO ${db}.sales_daily AS
      SELECT toDate(time) AS day, sku, location, currency,
        sum(quantity) AS units, sum(revenue) AS revenue, sum(discount) AS discount,
        toUInt64(count()) AS lines, toUInt64(sum(order_count)) AS orders
      FROM ${db}.order_lines GROUP BY day, sku, location, currency`,

    // Columns are qualified (`m.`): unqualified, `on_hand_delta` inside sumIf would name the alias
    // of the sum above it, an aggregate inside an aggregate.
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.inventory_daily_mv TO ${db}.inventory_daily AS
      SELECT toDate(m.time) AS day, m.sku AS sku, m.location AS location,
        sum(m.on_hand_delta) AS on_hand_delta, sum(m.reserved_delta) AS reserved_delta,
        sum(m.backordered_delta) AS backordered_delta,
        sumIf(m.on_hand_delta, m.kind = 'received') AS received,
        -sumIf(m.on_hand_delta, m.kind = 'shipped') AS shipped,
        sumIf(m.on_hand_delta, m.kind = 'adjusted') AS adjusted,
        sumIf(m.on_hand_delta, m.kind = 'transferred_in') AS transferred_in,
        -sumIf(m.on_hand_delta, m.kind = 'transferred_out') AS transferred_out
      FROM ${db}.inventory_movements AS m GROUP BY day, sku, location`,

    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.payments_daily_mv TO ${db}.payments_daily AS
      SELECT toDate(time) AS day, currency, kind, sum(amount) AS amount, toUInt64(count()) AS count
      FROM ${db}.payments GROUP BY day, currency, kind`,
  ];
}

/**
 * `analyticsDdl` for tables replicated across `cluster` (CLICKHOUSE_CLUSTER, with Keeper): each
 * statement runs `ON CLUSTER`, and each engine becomes its Replicated twin, keyed in Keeper by
 * shard, database and table, with the server's `{replica}` macro. One shard: every replica holds
 * every row, so any replica answers any report and no Distributed table is needed.
 */
export function replicatedDdl(db: string, cluster: string): string[] {
  return analyticsDdl(db).map((statement) =>
    statement
      .replace(
        /^CREATE (TABLE|MATERIALIZED VIEW) IF NOT EXISTS (\S+)/,
        (_all, kind: string, name: string) => `CREATE ${kind} IF NOT EXISTS ${name} ON CLUSTER ${cluster}`,
      )
      .replace(
        /ENGINE = (Replacing|Aggregating|Summing)?MergeTree\b/,
        (_all, flavour = '') =>
          `ENGINE = Replicated${flavour as string}MergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')`,
      ),
  );
}

/** Creates whatever of the schema is missing (every statement is `IF NOT EXISTS`). */
export async function createAnalyticsSchema(analytics: AnalyticsClient): Promise<void> {
  const { database, cluster } = analytics;
  for (const statement of cluster ? replicatedDdl(database, cluster) : analyticsDdl(database)) {
    await analytics.client.command({ query: statement });
  }
}

/**
 * Drops every analytics table and view, then creates them empty: what `qm replay analytics` needs
 * before delivering the log from the start. Drops the views first so no insert races a half schema.
 */
export async function recreateAnalyticsSchema(analytics: AnalyticsClient): Promise<void> {
  const db = analytics.database;
  const onCluster = analytics.cluster ? ` ON CLUSTER ${analytics.cluster}` : '';
  for (const name of ['sales_daily_mv', 'inventory_daily_mv', 'payments_daily_mv']) {
    await analytics.client.command({ query: `DROP VIEW IF EXISTS ${db}.${name}${onCluster} SYNC` });
  }
  for (const name of [...rollupTables, ...factTables]) {
    await analytics.client.command({ query: `DROP TABLE IF EXISTS ${db}.${name}${onCluster} SYNC` });
  }
  await createAnalyticsSchema(analytics);
}
