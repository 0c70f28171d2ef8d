import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyOver } from '../infra/sql/kysely-over-sql.ts';
import type { SqlClient } from '../infra/sql/sql-client.ts';
import { migratedPostgres } from '../test-support/databases.ts';
import { readConstraints } from './read-model-constraints.ts';
import { readModelProjections } from './read-models.ts';

/**
 * No event the write side accepts may stop a projector, and a projector stops when a write breaks
 * a constraint. So every constraint of every table fed from events is listed here with the
 * write-side rule that keeps it from being broken. The list is checked against the catalog of a
 * migrated database with every read model set up: a new constraint without a rule fails this test,
 * and so does a rule for a constraint that is gone.
 */

/** The write-side rules, each named once. */
const rule = {
  envelope:
    'every stored event has an id, type, stream, revision, position and metadata with actor id and role, correlation id and occurredAt: the store assigns revision and position, validate-append refuses a malformed id, type or stream name, and the command runtime stamps the metadata from the CommandContext, whose type requires each',
  eventId:
    'event ids are unique in the store (qm_events_event_id_key; appends are idempotent by event id): one row per event',
  streamRevision:
    "a stream's revisions are unique (appends at an expected revision; qm_events_stream_revision_key): one row per stream revision",
  keyedWrite:
    'written with insert … on conflict on this key (upsertRows, insertRows, or the statement beside the table): a later event for the same key updates or skips the row instead of conflicting',
  productOnce:
    'product-{id} starts with one ProductCreated: decideProduct refuses AlreadyExists and createProduct appends it expecting no stream',
  skuClaimed:
    'createProduct appends SkuClaimed to sku-{sku} in the same atomic append as ProductCreated (claim first with compensation where the store cannot), and a SKU never changes (UpdateProduct refuses changes.sku); products from before claims: claimLegacySkus claims them on start, and the projector flags a later product sku_conflict, outside this partial index',
  productFields:
    'decideProduct validates every field of ProductCreated (requireKey productId and sku, requireMoney price, validateDetail name, description, brand, category, attributes, allowBackorder) and of every change; the catalog fold derives status, stock totals (from noStock() zeros), times from occurredAt, revision and sku_conflict for every row',
  stockFields:
    'stock events name a sku and location the stock decider checked with requireKey, with integer quantities it checked; the folds start every level from noStock() zeros and take times from occurredAt and revisions from the stream',
  locationFields:
    'LocationCreated and LocationRenamed carry a locationId (requireKey) and a non-blank name (requireText)',
  orderOnce:
    'order-{id} starts with one OrderPlaced: the order decider refuses AlreadyExists and placement appends it expecting no stream',
  orderLines: 'placement numbers the lines of an order L1..Ln (place-order.ts), and an order is placed once',
  refundOnce: 'the order decider refuses a refund id the order already has (AlreadyExists refund)',
  shipmentOnce: 'the order decider refuses a shipment id the order already has (AlreadyExists shipment)',
  disputeOnce:
    'the order decider refuses a dispute id the order already has (AlreadyExists dispute), evolveOrder ignores a second DisputeOpened, and the orders fold inserts only a dispute the state did not hold',
  claimOnce:
    'the order decider refuses a claim id the order already has (AlreadyExists claim), evolveOrder ignores a second ClaimOpened, and the orders fold inserts only a claim the state did not hold',
  claimFields:
    'OpenClaim is validated (requireKey claimId, a line of the order, requirePositiveInt quantity, requireOneOf reason); the fold takes the customer from the order, the SKU from the event, status from the resolution, times from the envelope',
  disputeFields:
    'OpenDispute is validated (requireKey disputeId, requireText paymentRef and reason, requireMoney amount, requireIsoTime dueBy or null); the fold takes the customer from the order, status and withdrawn from the folded state, times from the envelope',
  orderFields:
    'the order decider validates PlaceOrder (customer, currency, lines, address, payment provider, expiry, and the priced totals: discounts, shipping, tax) and every later command; `pricedTotals` gives orders placed before pricing zero discount and tax and an unknown tax detail; payment, refund, shipment and timeline rows take their fields from those events and the envelope, and the orders fold derives totals, counts, statuses and the state',
  auditFields:
    'audit rows take event id, type, stream, position, actor, correlation id and time from the envelope, the entity type and id from the stream name (<category>-<id>, which validate-append requires), and the data from the event',
  replenishmentFields:
    'replenishment events carry a sku and location (requireKey) and the figures the replenishment decider computed from validated targets, policies and forecasts (requireIsoTime on times); suggestion status is set by the fold',
  suggestionOnce:
    'each review draws a fresh UUIDv7 suggestion id (replenishment-handlers.ts) that the decider emits in one ReplenishmentSuggested; insertRows also skips an id it already holds',
  consumerFields:
    "the notification and forecasting consumers fill these columns from the events' own validated fields (ids, sku, location, quantities, amounts, times) or from their own defaults and rendering, never from free input",
  mailStatus: 'only the mail dispatcher sets status, to pending, sent or parked',
  customerFields:
    'customer-{id} starts with CustomerSignedUp, whose email (validated, or [erased]), customer id (requireKey) and time the fold copies; flags, groups and status start from fixed values in the fold; address entries come whole from CustomerAddressSaved (Address schema and requireKey on the id)',
  cartFields:
    'cart-{id} starts with one CartCreated (decideCart refuses AlreadyExists; createCart appends it expecting no stream) carrying a cart id (requireKey), an owner (a customer id, or a guest secret hash) and a currency (ISO 4217); the fold derives subject, status, lines, coupon codes (empty at creation, then CartCouponApplied/Removed with codes normalizeCode checked), flags and times from it and later cart events; wishlist rows come from WishlistItemAdded/Removed (customer id and product id from requireKey, times from the events)',
  promotionFields:
    'promotion-{id} starts with PromotionCreated, whose definition validateDefinition checked (requireText name, actionKinds, integer priority and limits, limits.counts orders or units; requireKey promotionId); the fold sets status from the event type, version from the events and times from the envelope',
  reportFields:
    'report-{id} starts with ReportSaved (decideReport: requireKey reportId, requireText name, a definition whose measure, dimensions, granularity, lastDays and limit are checked); the fold sets status saved or deleted from the event type, runs from ScheduledReportRan (starting at 0) and times from the events',
  priceListFields:
    'pricelist-{id} starts with one PriceListCreated (decidePriceList: requireKey priceListId, requireText name, an ISO 4217 currency, customer groups by requireKey, an integer priority; AlreadyExists otherwise); PriceListPricesSet and PriceListPricesRemoved name products by requireKey with tiers of positive integer quantities and non-negative integer amounts; the fold sets status and removed from the event type and times from the envelope',
  priceChangeFields:
    'pricechange-{id} starts with PriceChangeScheduled (decidePriceChange: requireKey changeId, requireText reason, requireIsoTime effectiveAt, prices or a validated mass selection) or, for a mass change applied at once, PriceChangeApplied (requireKey changeId, requireText reason); the fold takes kind, status and the JSON lists from the events (empty when absent), the actor from the metadata and times from the events or the envelope',
  codeFields:
    'CodeClaimed carries a normalized code (normalizeCode), the promotion id and singleUse; the fold sets released false and the time from the envelope',
  redemptionFields:
    'PromotionRedeemed is decided by redemptionDecider from the promotion id, order id, version, positive integer units and the discount amount and currency of the placement; the fold keeps those and takes the time from the envelope',
  returnOnce:
    'return-{id} starts with one ReturnRequested: the return decider refuses AlreadyExists and requestReturn appends it expecting no stream',
  returnFields:
    'the return decider validates RequestReturn (return, order and customer ids, currency, a reason from the policy, lines of the order) and every later command; the returns fold derives status, counts, amounts, lines and the state through evolveReturn, times from occurredAt and revisions from the stream; step rows take their fields from those events and the envelope',
  returnPolicyFields:
    'the return policy decider validates SetReturnPolicy and appends the whole policy; the fold keys the one row `shop`, with the time from occurredAt and the revision from the stream',
  contactSource:
    "the consumer writes source 'events' and qm mail contact leaves the default 'manual': nothing else writes it",
} as const;

/** Tables no projector or consumer writes from events: the write side's own and the runtime's. */
const notFedByEvents: Record<string, string> = {
  'public.qm_events': 'the event store itself: its constraints are what the write-side rules above rest on',
  'public.qm_streams': "the event store's stream heads, written in the append's transaction",
  'public.qm_events_archive':
    "the event store's cold storage (qm archive): the same events, moved whole with their constraints",
  'public.qm_idempotency_keys': 'the write API’s idempotency records, written per request',
  'public.qm_processed_webhooks': 'the write API’s record of payment webhooks handled, per request',
  'public.qm_migrations': 'the migrator',
  'public.qm_projections': 'the projector runtime’s registry (name, generation, status), not event data',
  'public.qm_projection_checkpoints': 'the projector runtime’s checkpoints, compared and set per batch',
  'public.qm_projection_leases': 'the projector runtime’s leases',
  'public.qm_projection_skips': 'written by `qm projection skip`, not by a projector',
  'public.qm_personal_data_keys':
    'the key store: keys made when personal data is sealed, nulled by an erasure',
  'public.qm_privacy_encryption': 'the progress of `qm privacy encrypt-existing`, not event data',
  'public.qm_auth_signing_keys': "the token signing keys, made and rotated by the API processes' key store",
};

const guarantees: Record<string, string> = {
  ...notNull('catalog.products', rule.productFields, [
    'allow_backorder',
    'attributes',
    'available',
    'backordered',
    'brand',
    'category',
    'created_at',
    'currency',
    'description',
    'name',
    'on_hand',
    'price_amount',
    'price_since',
    'product_id',
    'reserved',
    'revision',
    'sku',
    'sku_conflict',
    'status',
    'updated_at',
  ]),
  'catalog.products: products_pkey': rule.productOnce,
  'catalog.products: products_sku_key': rule.skuClaimed,
  ...notNull('catalog.price_history', rule.productFields, [
    'changed_at',
    'currency',
    'kind',
    'new_amount',
    'product_id',
  ]),
  ...notNull('catalog.price_history', rule.envelope, ['actor_id', 'actor_role', 'event_id', 'revision']),
  'catalog.price_history: price_history_pkey': rule.streamRevision,
  ...notNull('catalog.availability', rule.stockFields, [
    'available',
    'backordered',
    'location',
    'on_hand',
    'reserved',
    'sku',
    'updated_at',
  ]),
  'catalog.availability: availability_pkey': rule.keyedWrite,
  ...notNull('catalog.locations', rule.locationFields, ['location_id', 'name']),
  'catalog.locations: locations_pkey': rule.keyedWrite,

  ...notNull('inventory.stock_levels', rule.stockFields, [
    'available',
    'backordered',
    'location',
    'low_stock',
    'on_hand',
    'reserved',
    'revision',
    'sku',
    'updated_at',
  ]),
  'inventory.stock_levels: stock_levels_pkey': rule.keyedWrite,

  ...notNull('orders.orders', rule.orderFields, [
    'authorized_amount',
    'captured_amount',
    'currency',
    'customer_id',
    'discount_total',
    'discounts',
    'expires_at',
    'item_count',
    'line_count',
    'order_id',
    'payment_provider',
    'payment_status',
    'placed_at',
    'refunded_amount',
    'revision',
    'shipping',
    'shipping_address',
    'state',
    'status',
    'subtotal',
    'tax',
    'tax_detail',
    'tax_total',
    'total',
    'updated_at',
  ]),
  'orders.orders: orders_pkey': rule.orderOnce,
  ...notNull('orders.order_lines', rule.orderFields, [
    'allocations',
    'currency',
    'line_id',
    'line_no',
    'line_total',
    'order_id',
    'quantity',
    'sku',
    'unit_price',
  ]),
  'orders.order_lines: order_lines_pkey': rule.orderLines,
  ...notNull('orders.order_backorders', rule.stockFields, ['backordered', 'location', 'order_id', 'sku']),
  'orders.order_backorders: order_backorders_pkey': rule.keyedWrite,
  ...notNull('orders.order_payments', rule.orderFields, [
    'at',
    'currency',
    'event_id',
    'kind',
    'order_id',
    'revision',
  ]),
  'orders.order_payments: order_payments_pkey': rule.eventId,
  ...notNull('orders.order_refunds', rule.orderFields, [
    'actor_id',
    'amount',
    'at',
    'currency',
    'order_id',
    'reason',
    'refund_id',
    'revision',
  ]),
  'orders.order_refunds: order_refunds_pkey': rule.refundOnce,
  ...notNull('orders.order_shipments', rule.orderFields, [
    'carrier',
    'lines',
    'location',
    'order_id',
    'revision',
    'shipment_id',
    'shipped_at',
    'tracking_number',
  ]),
  'orders.order_shipments: order_shipments_pkey': rule.shipmentOnce,
  ...notNull('orders.order_disputes', rule.disputeFields, [
    'amount',
    'currency',
    'customer_id',
    'dispute_id',
    'opened_at',
    'order_id',
    'payment_ref',
    'reason',
    'revision',
    'status',
    'withdrawn',
  ]),
  'orders.order_disputes: order_disputes_pkey': rule.disputeOnce,
  ...notNull('orders.order_claims', rule.claimFields, [
    'claim_id',
    'customer_id',
    'line_id',
    'opened_at',
    'order_id',
    'quantity',
    'reason',
    'revision',
    'sku',
    'status',
  ]),
  'orders.order_claims: order_claims_pkey': rule.claimOnce,
  ...notNull('orders.order_timeline', rule.orderFields, ['data', 'event_type', 'order_id', 'summary']),
  ...notNull('orders.order_timeline', rule.envelope, [
    'actor_id',
    'actor_role',
    'at',
    'correlation_id',
    'event_id',
    'revision',
  ]),
  'orders.order_timeline: order_timeline_pkey': rule.eventId,

  ...notNull('audit.audit_entries', rule.auditFields, [
    'actor_id',
    'actor_role',
    'at',
    'correlation_id',
    'data',
    'entity_id',
    'entity_type',
    'event_id',
    'event_type',
    'position_commit',
    'position_prepare',
    'stream',
  ]),
  'audit.audit_entries: audit_entries_pkey': rule.eventId,
  ...notNull('audit.audit_entity_state', rule.auditFields, ['state', 'stream']),
  'audit.audit_entity_state: audit_entity_state_pkey': rule.keyedWrite,

  ...notNull('replenishment.reorder_points', rule.replenishmentFields, [
    'as_of',
    'available',
    'demand_class',
    'expected_daily_demand',
    'forecast_error_sd',
    'history_days',
    'lead_time_days',
    'lead_time_demand',
    'location',
    'method',
    'order_up_to',
    'recalculated_at',
    'reorder_point',
    'safety_stock',
    'service_level',
    'sku',
  ]),
  'replenishment.reorder_points: reorder_points_pkey': rule.keyedWrite,
  ...notNull('replenishment.suggestions', rule.replenishmentFields, [
    'available',
    'location',
    'order_up_to',
    'quantity',
    'reason',
    'reorder_point',
    'sku',
    'status',
    'suggested_at',
    'suggestion_id',
  ]),
  'replenishment.suggestions: suggestions_pkey': rule.suggestionOnce,
  ...notNull('replenishment.policies', rule.replenishmentFields, ['location', 'sku', 'updated_at']),
  'replenishment.policies: policies_pkey': rule.keyedWrite,

  // Consumers (NATS-fed, never rebuilt) write these from events too.
  ...notNull('public.qm_notification_handled', rule.consumerFields, ['event_id', 'event_type', 'handled_at']),
  'public.qm_notification_handled: qm_notification_handled_pkey': rule.keyedWrite,
  ...notNull('public.qm_notification_orders', rule.consumerFields, ['customer_id', 'order_id', 'placed']),
  'public.qm_notification_orders: qm_notification_orders_pkey': rule.keyedWrite,
  ...notNull('public.qm_notification_stock', rule.consumerFields, ['location', 'sku', 'state']),
  'public.qm_notification_stock: qm_notification_stock_pkey': rule.keyedWrite,
  ...notNull('public.qm_notification_parked_events', rule.consumerFields, [
    'error',
    'event',
    'event_id',
    'event_type',
    'parked_at',
    'stream',
  ]),
  'public.qm_notification_parked_events: qm_notification_parked_events_pkey': rule.keyedWrite,
  ...notNull('public.qm_customer_contacts', rule.consumerFields, ['customer_id', 'email', 'updated_at']),
  'public.qm_customer_contacts: qm_customer_contacts_pkey': rule.keyedWrite,
  ...notNull('public.qm_customer_contacts', rule.consumerFields, [
    'source',
    'marketing_consent',
    'marketing_mail',
    'reminder_mail',
  ]),
  'public.qm_customer_contacts: qm_customer_contacts_source_check': rule.contactSource,
  ...notNull('customers.customers', rule.customerFields, [
    'customer_id',
    'email',
    'status',
    'groups',
    'marketing_consent',
    'marketing_mail',
    'reminder_mail',
    'signed_up_at',
  ]),
  'customers.customers: customers_pkey': rule.keyedWrite,
  ...notNull('customers.customer_addresses', rule.customerFields, [
    'customer_id',
    'address_id',
    'entry',
    'removed',
  ]),
  'customers.customer_addresses: customer_addresses_pkey': rule.keyedWrite,
  ...notNull('carts.carts', rule.cartFields, [
    'cart_id',
    'subject_id',
    'currency',
    'status',
    'lines',
    'coupon_codes',
    'reminder_sent',
    'created_at',
    'updated_at',
  ]),
  'carts.carts: carts_pkey': rule.keyedWrite,
  ...notNull('carts.wishlists', rule.cartFields, ['customer_id', 'items', 'updated_at']),
  'carts.wishlists: wishlists_pkey': rule.keyedWrite,
  ...notNull('promotions.promotions', rule.promotionFields, [
    'promotion_id',
    'name',
    'status',
    'version',
    'action_kind',
    'stacking',
    'priority',
    'code_mode',
    'counts',
    'definition',
    'created_at',
    'updated_at',
  ]),
  'promotions.promotions: promotions_pkey': rule.keyedWrite,
  ...notNull('promotions.promotion_codes', rule.codeFields, [
    'code',
    'promotion_id',
    'single_use',
    'released',
    'claimed_at',
  ]),
  'promotions.promotion_codes: promotion_codes_pkey': rule.keyedWrite,
  ...notNull('promotions.promotion_redemptions', rule.redemptionFields, [
    'promotion_id',
    'order_id',
    'promotion_version',
    'units',
    'amount',
    'currency',
    'redeemed_at',
  ]),
  'promotions.promotion_redemptions: promotion_redemptions_pkey': rule.keyedWrite,
  ...notNull('promotions.price_lists', rule.priceListFields, [
    'price_list_id',
    'name',
    'currency',
    'customer_groups',
    'priority',
    'status',
    'created_at',
    'updated_at',
  ]),
  'promotions.price_lists: price_lists_pkey': rule.keyedWrite,
  ...notNull('promotions.price_list_prices', rule.priceListFields, [
    'price_list_id',
    'product_id',
    'tiers',
    'removed',
    'updated_at',
  ]),
  'promotions.price_list_prices: price_list_prices_pkey': rule.keyedWrite,
  ...notNull('promotions.price_changes', rule.priceChangeFields, [
    'change_id',
    'kind',
    'status',
    'reason',
    'actor_id',
    'actor_role',
    'effective_at',
    'targets',
    'applied',
    'skipped',
    'created_at',
    'updated_at',
  ]),
  'promotions.price_changes: price_changes_pkey': rule.keyedWrite,
  ...notNull('returns.returns', rule.returnFields, [
    'return_id',
    'order_id',
    'customer_id',
    'status',
    'status_since',
    'reason',
    'opened_by',
    'currency',
    'item_count',
    'received_count',
    'refunded_amount',
    'lines',
    'requested_at',
    'updated_at',
    'revision',
    'state',
  ]),
  'returns.returns: returns_pkey': rule.returnOnce,
  ...notNull('reports.saved_reports', rule.reportFields, [
    'report_id',
    'name',
    'status',
    'definition',
    'runs',
    'saved_at',
    'updated_at',
  ]),
  'reports.saved_reports: saved_reports_pkey': rule.keyedWrite,
  ...notNull('returns.return_steps', rule.returnFields, ['return_id', 'order_id', 'event_type', 'summary']),
  ...notNull('returns.return_steps', rule.envelope, [
    'actor_id',
    'actor_role',
    'at',
    'correlation_id',
    'event_id',
    'revision',
  ]),
  'returns.return_steps: return_steps_pkey': rule.eventId,
  ...notNull('returns.return_policy', rule.returnPolicyFields, ['policy_id', 'policy', 'set_at', 'revision']),
  'returns.return_policy: return_policy_pkey': rule.keyedWrite,
  ...notNull('public.qm_mail_deliveries', rule.consumerFields, [
    'attempts',
    'created_at',
    'event_id',
    'html_body',
    'id',
    'message_id',
    'next_attempt_at',
    'recipient',
    'status',
    'subject',
    'template',
    'text_body',
  ]),
  'public.qm_mail_deliveries: qm_mail_deliveries_pkey': rule.keyedWrite,
  'public.qm_mail_deliveries: qm_mail_deliveries_status_check': rule.mailStatus,
  ...notNull('public.qm_mail_outbox', rule.consumerFields, [
    'created_at',
    'delivery_id',
    'html_body',
    'message_id',
    'recipient',
    'subject',
    'text_body',
  ]),
  'public.qm_mail_outbox: qm_mail_outbox_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_processed_events', rule.consumerFields, ['event_id', 'processed_at']),
  'public.qm_forecast_processed_events: qm_forecast_processed_events_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_orders', rule.consumerFields, ['day', 'order_id', 'refunded', 'subtotal']),
  'public.qm_forecast_orders: qm_forecast_orders_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_order_lines', rule.consumerFields, [
    'cancelled',
    'line_id',
    'location',
    'order_id',
    'quantity',
    'sku',
  ]),
  'public.qm_forecast_order_lines: qm_forecast_order_lines_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_daily_demand', rule.consumerFields, [
    'cancelled',
    'day',
    'location',
    'ordered',
    'refunded',
    'sku',
  ]),
  'public.qm_forecast_daily_demand: qm_forecast_daily_demand_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_policies', rule.consumerFields, ['location', 'sku']),
  'public.qm_forecast_policies: qm_forecast_policies_pkey': rule.keyedWrite,
  ...notNull('public.qm_forecast_series', rule.consumerFields, ['forecast_day', 'location', 'sku']),
  'public.qm_forecast_series: qm_forecast_series_pkey': rule.keyedWrite,
};

function notNull(table: string, why: string, columns: readonly string[]): Record<string, string> {
  return Object.fromEntries(columns.map((column) => [`${table}.${column}: not null`, why]));
}

const tableOf = (constraint: string) => constraint.split(':')[0]!.split('.').slice(0, 2).join('.');

describe('read-model constraints and the write-side rules that keep them', () => {
  let client: SqlClient;
  let dispose: () => Promise<void>;
  let constraints: string[];

  beforeAll(async () => {
    ({ client, dispose } = await migratedPostgres(4));
    const schemas: Record<string, string> = { public: 'public' };
    for (const projection of readModelProjections()) {
      const schema = `rm_${projection.name}_constraints`;
      await client.query(`create schema ${schema}`);
      await client.transaction((tx) => projection.setup(kyselyOver(tx).withSchema(schema), schema));
      schemas[schema] = projection.name;
    }
    constraints = (await readConstraints(client, schemas)).filter(
      (constraint) => !Object.hasOwn(notFedByEvents, tableOf(constraint)),
    );
  });
  afterAll(() => dispose());

  it('names the write-side rule that guarantees every constraint of every table fed from events', () => {
    expect(constraints.filter((constraint) => !Object.hasOwn(guarantees, constraint))).toEqual([]);
  });

  it('lists no rule for a constraint that is gone', () => {
    expect(Object.keys(guarantees).filter((constraint) => !constraints.includes(constraint))).toEqual([]);
  });

  it('covers the unique keys the read side relies on, the SKU among them', () => {
    expect(constraints).toContain('catalog.products: products_sku_key');
    expect(guarantees['catalog.products: products_sku_key']).toBe(rule.skuClaimed);
  });
});
