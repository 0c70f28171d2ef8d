/**
 * A seeded, mixed shop workload driven through the real command handlers (the write side as the
 * API runs it), for tests that compare read models: products and price changes with reasons,
 * locations, receipts, adjustments, transfers, thresholds, orders (some refused for shortage or a
 * discontinued product), manual payments, partial shipments, deliveries, refunds, cancellations,
 * expiries on the manual clock, replenishment forecasts, policies and dismissals, promotions
 * (lifecycle, generated codes, redemptions and their give-backs), and returns of delivered orders
 * (authorized or rejected, received in parts, restocked or written off, and refunded by themselves
 * on receipt).
 *
 * Every choice comes from fast-check samples drawn from `seed`, and commands run one after another
 * (but for a rush of concurrent placements of one product, which group commit appends together), so
 * a seed produces the same log up to ids, positions and who wins a rush for the last units. A command
 * the domain refuses adds nothing and is counted, as the write API would answer it with a 4xx.
 */
import fc from 'fast-check';
import type { Position } from '../ports/position.ts';
import { isDomainError } from '../domain/errors.ts';
import { orderDecider, shippedQuantity, type OrderState } from '../domain/orders/index.ts';
import { replay } from '../domain/decider.ts';
import { orderStream, reportStream } from '../domain/streams.ts';
import { reportDecider } from '../domain/reports/index.ts';
import { defaultReturnPolicy } from '../domain/return-policy/index.ts';
import { handleCommand } from '../commands/runtime/handle-command.ts';
import type { CommandHarness } from './command-harness.ts';
import { berlinAddress } from './addresses.ts';
import { customerHandlers } from '../commands/customers/customer-handlers.ts';
import { accountSecrets } from '../infra/auth/account-secrets.ts';
import { sqlMailQueue } from '../infra/mail/sql-mail-queue.ts';
import { commandRuntime } from '../ops/compose/command-runtime.ts';
import { promotionWorkload } from './promotion-workload.ts';

export interface WorkloadReport {
  /** Commands the domain accepted, by kind. */
  accepted: Record<string, number>;
  /** Commands the domain refused, by kind and error code (e.g. `placeOrder:stock_shortage`). */
  refused: Record<string, number>;
}

type Actor = { id: string; role: 'customer' | 'staff' | 'admin' | 'system' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const address = {
  name: 'Ada Lovelace',
  line1: '1 Analytical Way',
  line2: null,
  city: 'London',
  postalCode: 'N1 1AA',
  region: null,
  country: 'GB',
};
/** UK shipping: by weight (products without a weight ship in the first band) or express, free over €150. */
const workloadZone = {
  zoneId: 'gb',
  name: 'United Kingdom',
  countries: ['GB'],
  regions: [],
  postalPrefixes: [],
  methods: [
    {
      methodId: 'gb-standard',
      name: 'Standard',
      currency: 'EUR',
      rate: {
        kind: 'weight' as const,
        bands: [
          { upTo: 2000, amount: 490 },
          { upTo: null, amount: 990 },
        ],
      },
      freeOver: null,
      minDays: 2,
      maxDays: 5,
    },
    {
      methodId: 'gb-express',
      name: 'Express',
      currency: 'EUR',
      rate: { kind: 'flat' as const, amount: 1290 },
      freeOver: 15_000,
      minDays: 1,
      maxDays: 1,
    },
  ],
};
/** UK VAT: prices include it, 20 % standard, shipping taxed at the standard rate. */
const workloadTaxRegion = {
  regionId: 'gb',
  country: 'GB',
  region: null,
  pricesIncludeTax: true,
  ratesBps: { standard: 2000, reduced: 500, zero: 0 },
  shippingTaxClass: 'standard',
};
const admin: Actor = { id: 'admin-1', role: 'admin' };
const staff: Actor = { id: 'staff-7', role: 'staff' };
const system: Actor = { id: 'system', role: 'system' };

const catalog = [
  {
    name: 'iPhone 15 Pro',
    brand: 'Apple',
    category: 'phones',
    attributes: { color: 'black', storage: '256' },
  },
  {
    name: 'Galaxy S24',
    brand: 'Samsung',
    category: 'phones',
    attributes: { color: 'violet', storage: '128' },
  },
  { name: 'Coffee mug', brand: 'Acme', category: 'kitchen', attributes: { color: 'white' } },
  { name: 'Dinner plate', brand: 'Acme', category: 'kitchen', attributes: { color: 'blue' } },
  { name: 'Claw hammer', brand: 'Stanley', category: 'tools', attributes: { weight: '450g' } },
  { name: 'Hand saw', brand: 'Bahco', category: 'tools', attributes: {} },
  { name: 'USB-C cable', brand: 'Anker', category: 'accessories', attributes: { length: '1m' } },
  { name: 'Phone case', brand: 'Spigen', category: 'accessories', attributes: { color: 'clear' } },
] as const;

/** An endless stream of seeded numbers, drawn from fast-check a chunk at a time; `int(n)` is in [0, n). */
function draws(seed: number) {
  const CHUNK = 4096;
  let values: number[] = [];
  let chunk = 0;
  let next = 0;
  const int = (n: number) => {
    if (next === values.length) {
      // Unbiased: fast-check otherwise favours small and extreme values, which would skew the weights.
      const arbitrary = fc.noBias(fc.array(fc.nat(), { minLength: CHUNK, maxLength: CHUNK }));
      values = fc.sample(arbitrary, { seed: seed + chunk++, numRuns: 1 })[0]!;
      next = 0;
    }
    return values[next++]! % n;
  };
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[int(list.length)]!;
  };
  /** One of `list`, or `undefined` when it is empty (no order in that state yet). */
  const anyOf = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : pick(list));
  return { int, pick, anyOf, chance: (p: number) => int(1000) < p * 1000 };
}

export interface MixedWorkload {
  /** Runs `steps` random steps (the first call opens the shop first); resolves when all are done. */
  run(steps: number): Promise<void>;
  /** What was accepted and refused so far. */
  readonly report: WorkloadReport;
}

export interface MixedWorkloadOptions {
  /**
   * Prefixed to the ids of what the workload sells and to whom (products, SKUs, orders, customers,
   * transfers), so that several workloads can run side by side on one log as shops of one business:
   * the locations (warehouses) are shared, as a placement allocates from every location there is.
   */
  namespace?: string;
  /** Told of every accepted command that appended: how many events, and the log position it reached. */
  onAppended?: (appended: { kind: string; events: number; position: Position }) => void;
}

/**
 * A workload on `h` (its manual clock moves forward as it goes). Its state (orders, open
 * suggestions) carries over from one `run` to the next, so runs continue one history.
 */
export function mixedWorkload(
  h: CommandHarness,
  seed: number,
  options: MixedWorkloadOptions = {},
): MixedWorkload {
  const ns = options.namespace ?? '';
  const rng = draws(seed);
  const { handlers } = h;
  const report: WorkloadReport = { accepted: {}, refused: {} };
  const ctx = (actor: Actor) => h.context(actor);
  const count = (table: Record<string, number>, key: string) => void (table[key] = (table[key] ?? 0) + 1);

  /** Runs one command; a domain refusal is counted, anything else fails the workload. */
  async function attempt<T>(kind: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await run();
      count(report.accepted, kind);
      const { events, position } = (result ?? {}) as { events?: unknown[]; position?: Position | null };
      if (position && events?.length) options.onAppended?.({ kind, events: events.length, position });
      return result;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      count(report.refused, `${kind}:${error.code}`);
      return undefined;
    }
  }

  const locations = ['berlin', 'paris', 'madrid'];
  const products = catalog.map((item, index) => ({
    productId: `${ns}p${index + 1}`,
    sku: `${ns}SKU-${index + 1}`,
    ...item,
  }));
  const backorderable = (product: { productId: string }) => product.productId >= `${ns}p7`;
  const orders = new Map<string, OrderState>();
  const openSuggestions = new Map<string, string>();
  /** Returns still open, with what is left to receive of each line. */
  const openReturns = new Map<
    string,
    { orderId: string; status: 'requested' | 'authorized'; left: { lineId: string; quantity: number }[] }
  >();
  let nextOrder = 0;
  let nextReturn = 0;
  /** When each order was delivered (the workload's clock, in ms), for the return window. */
  const deliveredAt = new Map<string, number>();

  const refresh = async (orderId: string) =>
    void orders.set(orderId, replay(orderDecider, (await h.store.readStream(orderStream(orderId))) as never));
  const ordersWhere = (test: (order: Exclude<OrderState, { status: 'none' }>) => boolean) =>
    [...orders.entries()].filter(([, order]) => order.status !== 'none' && test(order)).map(([id]) => id);
  const noteSuggestions = (
    result: { events: { type: string; data: Record<string, unknown> }[] } | undefined,
  ) => {
    for (const event of result?.events ?? []) {
      const key = `${String(event.data.sku)}@${String(event.data.location)}`;
      if (event.type === 'ReplenishmentSuggested') openSuggestions.set(key, String(event.data.suggestionId));
      if (
        event.type === 'ReplenishmentSuggestionWithdrawn' ||
        event.type === 'ReplenishmentSuggestionDismissed'
      )
        openSuggestions.delete(key);
    }
  };

  /** The opening: locations, products (the last two allow backorders) and some stock. */
  async function open(): Promise<void> {
    // A few customer accounts with an address each, so the customers read model has rows too.
    const accounts = customerHandlers({
      runtime: commandRuntime(h.store),
      secrets: accountSecrets,
      mail: sqlMailQueue(h.sql),
    });
    for (const n of [1, 2, 3]) {
      const customerId = `${ns}c${n}`;
      const self = ctx({ id: customerId, role: 'customer' });
      await attempt('signUp', () =>
        accounts.signUp(
          {
            customerId,
            email: `${ns}c${n}@example.com`,
            name: `Customer ${n}`,
            password: 'a long enough passphrase',
            marketingConsent: n % 2 === 0,
          },
          self,
        ),
      );
      await attempt('saveAddress', () =>
        accounts.saveAddress(
          customerId,
          {
            addressId: 'home',
            label: 'Home',
            address: { ...berlinAddress, name: `Customer ${n}` },
            isDefault: true,
          },
          self,
        ),
      );
    }
    for (const location of locations) {
      await attempt('createLocation', () =>
        handlers.createLocation(location, `${location} warehouse`, ctx(admin)),
      );
    }
    // Shipping and tax for the workload's address, so orders carry fees, discounts' room and tax.
    await attempt('setShippingZone', () => handlers.setShippingZone(workloadZone, ctx(admin)));
    await attempt('setTaxRegion', () => handlers.setTaxRegion(workloadTaxRegion, ctx(admin)));
    // A returns policy of the shop's own (so the returns model keeps one): the reasons the returns
    // below give, and windows no shorter than the default, so the same returns stay within them.
    await attempt('setReturnPolicy', () =>
      handlers.setReturnPolicy(
        {
          ...defaultReturnPolicy,
          categoryWindowDays: { kitchen: 45 },
          reasons: ['damaged', 'wrong_item', 'does_not_fit', 'no_longer_needed', 'other'],
        },
        ctx(admin),
      ),
    );
    for (const product of products) {
      await attempt('createProduct', () =>
        handlers.createProduct(
          {
            productId: product.productId,
            sku: product.sku,
            name: product.name,
            description: `The ${product.name}, as sold in our shop.`,
            brand: product.brand,
            category: product.category,
            attributes: { ...product.attributes },
            allowBackorder: backorderable(product),
            price: eur(500 + rng.int(100) * 100),
          },
          ctx(admin),
        ),
      );
      for (const location of locations) {
        if (rng.chance(0.7)) {
          await attempt('receiveStock', () =>
            handlers.receiveStock(
              { sku: product.sku, location, quantity: 1 + rng.int(12), reference: 'opening' },
              ctx(staff),
            ),
          );
        }
      }
    }
  }

  /**
   * A wholesale price list and a mass price change scheduled a year ahead, so the promotions read
   * model's price-list and price-change tables have rows. No order's customer is in the group and
   * the change never takes effect within a run, so every order is priced as before they existed.
   */
  async function openPriceLists(): Promise<void> {
    const priceListId = `${ns}pricelist-wholesale`;
    await attempt('createPriceList', () =>
      handlers.createPriceList(
        { priceListId, name: 'Wholesale', currency: 'EUR', customerGroups: ['wholesale'], priority: 0 },
        ctx(admin),
      ),
    );
    await attempt('setPriceListPrices', () =>
      handlers.setPriceListPrices(
        priceListId,
        products
          .slice(0, 2)
          .map(({ productId }) => ({ productId, tiers: [{ minQuantity: 1, amount: 400 }] })),
        ctx(admin),
      ),
    );
    await attempt('scheduleMassPriceChange', () =>
      handlers.scheduleMassPriceChange(
        {
          changeId: `${ns}pricechange-kitchen`,
          reason: 'kitchen sale next year',
          categories: ['kitchen'],
          brands: [],
          adjustment: { kind: 'percent', basisPoints: -1000 },
          rounding: { kind: 'price_point', ending: 99 },
          effectiveAt: new Date(h.clock.now().getTime() + 365 * 24 * 60 * MINUTE).toISOString(),
        },
        ctx(admin),
      ),
    );
  }

  /**
   * Saved reports, so the reports read model has rows: three saved (none from the random draws, so
   * the rest of the history stays what a seed gave before), two scheduled daily five minutes after
   * the opening, one of them taken off again and another deleted; each run then records the run
   * that is due (refused until the clock reaches it).
   */
  const reportIds = [`${ns}report-revenue`, `${ns}report-units`, `${ns}report-gone`];
  async function openReports(): Promise<void> {
    const at = h.clock.now();
    const time = `${String(at.getUTCHours()).padStart(2, '0')}:${String((at.getUTCMinutes() + 5) % 60).padStart(2, '0')}`;
    for (const [index, reportId] of reportIds.entries()) {
      await attempt('saveReport', () =>
        handlers.saveReport(
          {
            reportId,
            name: `Report ${index + 1}`,
            definition: {
              measure: index === 1 ? 'units' : 'revenue',
              by: index === 1 ? ['sku'] : ['period', 'currency'],
              filters: {},
              granularity: 'day',
              lastDays: 7 * (index + 1),
              limit: 100,
            },
          },
          ctx(admin),
        ),
      );
    }
    for (const reportId of reportIds.slice(0, 2)) {
      await attempt('scheduleReport', () =>
        handlers.scheduleReport(
          {
            reportId,
            schedule: {
              cadence: 'daily',
              weekday: null,
              time,
              timeZone: 'UTC',
              recipients: ['ops@example.com'],
              format: 'csv',
            },
          },
          ctx(admin),
        ),
      );
    }
    await attempt('unscheduleReport', () => handlers.unscheduleReport(reportIds[1]!, ctx(admin)));
    await attempt('deleteReport', () => handlers.deleteReport(reportIds[2]!, ctx(admin)));
  }
  const recordReportRun = () =>
    attempt('recordReportRun', () =>
      handleCommand(
        commandRuntime(h.store),
        reportDecider,
        reportStream(reportIds[0]!),
        { type: 'RecordReportRun', data: { reportId: reportIds[0]!, now: h.clock.now().toISOString() } },
        ctx({ id: 'report-scheduler', role: 'system' }),
      ),
    );

  const promotions = promotionWorkload({
    handlers,
    runtime: commandRuntime(h.store),
    rng,
    ns,
    attempt,
    ctx,
    skus: products.map((p) => p.sku),
  });

  const steps: Record<string, () => Promise<unknown>> = {
    promote: () => promotions.promote(),
    generateCodes: () => promotions.codes(),
    redeem: () => promotions.redeem(),
    async placeOrder() {
      const orderId = `${ns}o${++nextOrder}`;
      const customerId = `${ns}c${1 + rng.int(5)}`;
      const lineCount = 1 + rng.int(3);
      const chosen = new Set(Array.from({ length: lineCount }, () => rng.pick(products).productId));
      const placed = await attempt('placeOrder', () =>
        handlers.placeOrder(
          {
            orderId,
            customerId,
            currency: 'EUR',
            lines: [...chosen].map((productId) => ({ productId, quantity: 1 + rng.int(4) })),
            shippingAddress: address,
            shippingMethodId: rng.pick(['gb-standard', 'gb-express']),
          },
          ctx({ id: customerId, role: 'customer' }),
        ),
      );
      if (placed) await refresh(orderId);
    },
    async rush() {
      // Several customers at once for one product: the placements are decided and appended
      // together (group commit), so projectors see one append of several orders and reservations.
      const product = rng.pick(products.slice(0, 4));
      const rushing = Array.from({ length: 2 + rng.int(3) }, (_, index) => ({
        orderId: `${ns}o${++nextOrder}`,
        customerId: `${ns}c${1 + ((nextOrder + index) % 5)}`,
      }));
      const placed = await Promise.all(
        rushing.map(({ orderId, customerId }) =>
          attempt('placeOrder', () =>
            handlers.placeOrder(
              {
                orderId,
                customerId,
                currency: 'EUR',
                lines: [{ productId: product.productId, quantity: 1 }],
                shippingAddress: address,
                shippingMethodId: 'gb-standard',
              },
              ctx({ id: customerId, role: 'customer' }),
            ),
          ),
        ),
      );
      for (const [index, { orderId }] of rushing.entries()) if (placed[index]) await refresh(orderId);
    },
    async oversell() {
      // More than the whole shop holds of a product that allows no backorder: refused, nothing reserved.
      const orderId = `${ns}o${++nextOrder}`;
      const product = rng.pick(products.slice(0, 4));
      await attempt('placeOrder', () =>
        handlers.placeOrder(
          {
            orderId,
            customerId: `${ns}c9`,
            currency: 'EUR',
            lines: [{ productId: product.productId, quantity: 500 }],
            shippingAddress: address,
            shippingMethodId: 'gb-standard',
          },
          ctx({ id: `${ns}c9`, role: 'customer' }),
        ),
      );
    },
    async backorder() {
      // More than is on hand of a product that allows backorders: the rest is backordered.
      const orderId = `${ns}o${++nextOrder}`;
      const product = rng.pick(products.filter(backorderable));
      const placed = await attempt('placeOrder', () =>
        handlers.placeOrder(
          {
            orderId,
            customerId: `${ns}c8`,
            currency: 'EUR',
            lines: [{ productId: product.productId, quantity: 60 + rng.int(60) }],
            shippingAddress: address,
            shippingMethodId: 'gb-standard',
          },
          ctx({ id: `${ns}c8`, role: 'customer' }),
        ),
      );
      if (placed) await refresh(orderId);
    },
    async pay() {
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'placed'));
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      await attempt('recordManualPayment', () =>
        handlers.recordManualPayment(
          { orderId, reference: `bank-${orderId}`, amount: order.totals.total },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async ship() {
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'paid' || o.status === 'partially_shipped'));
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const location = rng.pick(order.lines.flatMap((line) => line.allocations.map((a) => a.location)));
      const lines = order.lines.flatMap((line) => {
        const allocated = line.allocations.find((a) => a.location === location)?.quantity ?? 0;
        const left = allocated - shippedQuantity(order, line.lineId, location);
        // Partial shipments: often less than what is left.
        return left > 0 && rng.chance(0.8) ? [{ lineId: line.lineId, quantity: 1 + rng.int(left) }] : [];
      });
      if (lines.length === 0) return;
      const shipmentId = `s-${orderId}-${order.shipments.length + 1}`;
      await attempt('shipOrder', () =>
        handlers.shipOrder(
          {
            orderId,
            shipmentId,
            location,
            carrier: rng.pick(['DHL', 'UPS']),
            trackingNumber: `T-${shipmentId}`,
            lines,
          },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async deliver() {
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'shipped'));
      if (!orderId) return;
      await attempt('deliverOrder', () => handlers.deliverOrder(orderId, ctx(staff)));
      deliveredAt.set(orderId, h.clock.now().getTime());
      await refresh(orderId);
    },
    async refund() {
      const orderId = rng.anyOf(ordersWhere((o) => o.payment.captured > o.payment.refunded));
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const left = order.payment.captured - order.payment.refunded;
      // Now and then more than was captured, which the domain refuses.
      const amount = rng.chance(0.1) ? left + 1 : 1 + rng.int(left);
      await attempt('refundOrder', () =>
        handlers.refundOrder(
          { orderId, amount: eur(amount), reason: rng.pick(['goodwill', 'damaged', 'late']) },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async dispute() {
      // A chargeback on a paid order, as the payment provider reports it, now and then closed.
      const orderId = rng.anyOf(ordersWhere((o) => o.payment.captured > 0));
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const news = {
        disputeId: `dp-${orderId}`,
        paymentId: `manual_${orderId}`,
        amount: 1 + rng.int(order.payment.captured),
        currency: order.currency,
        reason: rng.pick(['fraudulent', 'product_not_received']),
        dueBy: null,
      };
      const kind = rng.pick(['dispute_opened', 'dispute_funds_withdrawn', 'dispute_closed'] as const);
      await attempt('applyDisputeNotification', () =>
        handlers.applyDisputeNotification(
          {
            ...news,
            kind,
            providerEventId: `evt-${orderId}-${kind}`,
            ...(kind === 'dispute_closed' ? { outcome: rng.pick(['won', 'lost'] as const) } : {}),
          },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async claim() {
      // Shipped units claimed as damaged, missing or wrong; staff resolve open claims.
      const orderId = rng.anyOf(
        ordersWhere((o) => ['partially_shipped', 'shipped', 'delivered'].includes(o.status)),
      );
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const open = (order.claims ?? []).find((c) => c.status === 'open');
      if (open) {
        await attempt('resolveClaim', () =>
          handlers.resolveClaim(
            { orderId, claimId: open.claimId, resolution: rng.pick(['replacement', 'refund'] as const) },
            ctx(staff),
          ),
        );
      } else {
        const line = rng.pick(order.lines);
        await attempt('openClaim', () =>
          handlers.openClaim(
            {
              orderId,
              claimId: `cl-${orderId}-${line.lineId}`,
              lineId: line.lineId,
              quantity: 1,
              reason: rng.pick(['damaged', 'missing', 'wrong'] as const),
            },
            ctx(staff),
          ),
        );
      }
      await refresh(orderId);
    },
    async edit() {
      // Staff add a product to an unpaid order or raise one of its lines, now and then to another address.
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'placed'));
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const product = rng.pick(products);
      const onOrder = order.lines.find((line) => line.sku === product.sku);
      const line = rng.pick(order.lines);
      await attempt('editOrder', () =>
        handlers.editOrder(
          {
            orderId,
            add: onOrder ? [] : [{ productId: product.productId, quantity: 1 + rng.int(2) }],
            raise: onOrder ? [{ lineId: line.lineId, quantity: 1 }] : [],
            ...(rng.chance(0.3)
              ? { shippingAddress: { ...order.shippingAddress, line1: '2 New Street' } }
              : {}),
          },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async cancel() {
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'placed' || o.status === 'paid'));
      if (!orderId) return;
      await attempt('cancelOrder', () =>
        handlers.cancelOrder(
          { orderId, reason: 'requested', note: rng.pick([null, 'changed mind']) },
          ctx(staff),
        ),
      );
      await refresh(orderId);
    },
    async expire() {
      // As the expiry scheduler does: time passes, an unpaid order past its deadline is cancelled.
      h.clock.advance(rng.int(20) * MINUTE);
      const orderId = rng.anyOf(ordersWhere((o) => o.status === 'placed'));
      if (!orderId) return;
      await attempt('expireOrder', () =>
        handlers.cancelOrder(
          { orderId, reason: 'expired', note: null },
          ctx({ id: 'expiry-scheduler', role: 'system' }),
        ),
      );
      await refresh(orderId);
    },
    async requestReturn() {
      // Some units of a recently delivered order's lines (the clock runs fast here: repricing skips
      // days past the return window), by its customer or now and then by staff for them; units
      // already under another return are refused.
      const recent = ordersWhere((o) => o.status === 'delivered').filter(
        (id) => h.clock.now().getTime() - (deliveredAt.get(id) ?? 0) < 25 * DAY,
      );
      const orderId = rng.anyOf(recent);
      const order = orderId === undefined ? undefined : orders.get(orderId);
      if (!orderId || !order || order.status === 'none') return;
      const returnId = `${ns}r${++nextReturn}`;
      const lines = order.lines
        .filter(() => rng.chance(0.7))
        .map((line) => ({ lineId: line.lineId, quantity: 1 + rng.int(line.quantity) }));
      if (lines.length === 0) return;
      const byStaff = rng.chance(0.2);
      const requested = await attempt('requestReturn', () =>
        handlers.requestReturn(
          {
            returnId,
            orderId,
            lines,
            reason: rng.pick(['damaged', 'wrong_item', 'does_not_fit', 'no_longer_needed']),
            note: rng.pick([null, 'does not fit']),
            photos: [],
            openedBy: byStaff ? 'staff' : 'customer',
          },
          ctx(byStaff ? staff : { id: order.customerId, role: 'customer' }),
        ),
      );
      if (requested) openReturns.set(returnId, { orderId, status: 'requested', left: lines });
    },
    async decideReturn() {
      const returnId = rng.anyOf(
        [...openReturns].filter(([, r]) => r.status === 'requested').map(([id]) => id),
      );
      if (!returnId) return;
      h.clock.advance(rng.int(48) * HOUR);
      if (rng.chance(0.8)) {
        const authorized = await attempt('authorizeReturn', () =>
          handlers.authorizeReturn({ returnId, note: null }, ctx(staff)),
        );
        if (authorized) openReturns.get(returnId)!.status = 'authorized';
      } else {
        const rejected = await attempt('rejectReturn', () =>
          handlers.rejectReturn({ returnId, reason: 'outside policy' }, ctx(staff)),
        );
        if (rejected) openReturns.delete(returnId);
      }
    },
    async receiveReturn() {
      // Often only part of what is left; each line restocked or written off as damaged.
      const returnId = rng.anyOf(
        [...openReturns].filter(([, r]) => r.status === 'authorized').map(([id]) => id),
      );
      if (!returnId) return;
      const open = openReturns.get(returnId)!;
      h.clock.advance(rng.int(72) * HOUR);
      const location = rng.pick(locations);
      const lines = open.left
        .filter((line) => line.quantity > 0 && rng.chance(0.8))
        .map((line) => {
          const restock = rng.chance(0.7);
          return {
            lineId: line.lineId,
            quantity: 1 + rng.int(line.quantity),
            disposition: restock ? ('restock' as const) : ('write_off' as const),
            restockLocation: restock && rng.chance(0.3) ? rng.pick(locations) : null,
            adjustmentReason: restock ? null : ('damage' as const),
            note: null,
          };
        });
      if (lines.length === 0) return;
      const received = await attempt('receiveReturn', () =>
        handlers.receiveReturn(
          { returnId, receiptId: `${returnId}-rc${rng.int(1e9)}`, location, lines },
          ctx(staff),
        ),
      );
      if (!received) return;
      for (const line of lines)
        open.left.find((left) => left.lineId === line.lineId)!.quantity -= line.quantity;
      if (open.left.every((line) => line.quantity === 0)) openReturns.delete(returnId);
      // The refund on receipt changed what the order has left to refund.
      await refresh(open.orderId);
    },
    receive: () =>
      attempt('receiveStock', () =>
        handlers.receiveStock(
          {
            sku: rng.pick(products).sku,
            location: rng.pick(locations),
            quantity: 1 + rng.int(15),
            reference: rng.pick([null, 'PO-1', 'PO-2']),
          },
          ctx(staff),
        ),
      ),
    adjust() {
      // Counts go either way; damage and loss only down, found only up (the domain refuses otherwise).
      const delta = rng.pick([-3, -2, -1, 1, 2]);
      const reason = rng.pick(
        delta < 0 ? (['count', 'damage', 'loss'] as const) : (['count', 'found'] as const),
      );
      return attempt('adjustStock', () =>
        handlers.adjustStock(
          {
            sku: rng.pick(products).sku,
            location: rng.pick(locations),
            delta,
            reason,
            note: rng.pick([null, 'shelf check']),
          },
          ctx(staff),
        ),
      );
    },
    transfer() {
      const from = rng.pick(locations);
      const to = rng.pick(locations.filter((location) => location !== from));
      return attempt('transferStock', () =>
        handlers.transferStock(
          {
            sku: rng.pick(products).sku,
            from,
            to,
            quantity: 1 + rng.int(4),
            transferId: `${ns}t${rng.int(1e9)}`,
          },
          ctx(staff),
        ),
      );
    },
    threshold: () =>
      attempt('setLowStockThreshold', () =>
        handlers.setLowStockThreshold(
          { sku: rng.pick(products).sku, location: rng.pick(locations), threshold: rng.int(6) },
          ctx(staff),
        ),
      ),
    reprice() {
      // Days pass between price changes, so the 30-day lowest price has history to look back on.
      h.clock.advance(rng.int(10) * DAY + rng.int(24) * HOUR);
      return attempt('changePrice', () =>
        handlers.changePrice(
          rng.pick(products).productId,
          eur(300 + rng.int(150) * 50),
          rng.pick(['black friday', 'supplier price rise', 'clearance']),
          ctx(admin),
        ),
      );
    },
    update() {
      // The last two products always allow backorders (see `backorder`); the others may change.
      const product = rng.pick(products);
      const changes = rng.chance(0.5)
        ? { attributes: { color: rng.pick(['red', 'green', 'black']) } }
        : {
            description: `Now with ${rng.int(100)} improvements.`,
            ...(backorderable(product) ? {} : { allowBackorder: rng.chance(0.3) }),
          };
      return attempt('updateProduct', () => handlers.updateProduct(product.productId, changes, ctx(admin)));
    },
    // Rare, and only the two tools: later orders of them are refused.
    discontinue: () =>
      attempt('discontinueProduct', () =>
        handlers.discontinueProduct(rng.pick(products.slice(4, 6)).productId, 'end of line', ctx(admin)),
      ),
    async location() {
      if (rng.chance(0.3) && locations.length < 5) {
        const location = `depot${locations.length}`;
        await attempt('createLocation', () =>
          handlers.createLocation(location, `Depot ${locations.length}`, ctx(admin)),
        );
        locations.push(location);
      } else {
        const location = rng.pick(locations);
        await attempt('renameLocation', () =>
          handlers.renameLocation(location, `${location} store ${rng.int(100)}`, ctx(admin)),
        );
      }
    },
    async forecast() {
      const sku = rng.pick(products).sku;
      const location = rng.pick(locations);
      const result = await attempt('recordForecast', () =>
        handlers.recordForecast(
          {
            sku,
            location,
            leadTimeDemand: rng.int(200) / 10,
            safetyStock: rng.int(80) / 10,
            forecastErrorSd: rng.int(50) / 10,
            leadTimeDays: 1 + rng.int(14),
            serviceLevel: rng.pick([0.9, 0.95, 0.99]),
            reviewPeriodDays: rng.int(14),
            method: rng.pick(['holt', 'holt-winters', 'sba', 'mean'] as const),
            demandClass: rng.pick(['smooth', 'erratic', 'intermittent', 'lumpy', 'short'] as const),
            historyDays: 1 + rng.int(365),
            asOf: h.clock.now().toISOString(),
          },
          ctx(system),
        ),
      );
      noteSuggestions(result);
    },
    async review() {
      const at = { sku: rng.pick(products).sku, location: rng.pick(locations) };
      noteSuggestions(
        await attempt('reviewReplenishment', () => handlers.reviewReplenishment(at, ctx(system))),
      );
    },
    policy: () =>
      attempt('setReplenishmentPolicy', () =>
        handlers.setReplenishmentPolicy(
          {
            sku: rng.pick(products).sku,
            location: rng.pick(locations),
            leadTimeDays: rng.pick([null, 3, 7]),
            serviceLevel: rng.pick([null, 0.95, 0.98]),
          },
          ctx(admin),
        ),
      ),
    async dismiss() {
      const key = rng.anyOf([...openSuggestions.keys()]);
      if (!key) return;
      const [sku, location] = key.split('@') as [string, string];
      const result = await attempt('dismissReplenishmentSuggestion', () =>
        handlers.dismissReplenishmentSuggestion(
          {
            sku,
            location,
            suggestionId: openSuggestions.get(key)!,
            note: rng.pick([null, 'supplier closed']),
          },
          ctx(admin),
        ),
      );
      noteSuggestions(result);
    },
  };

  let nextCart = 0;
  /** A shopper's visit: a guest's or a customer's cart, lines, contact, now and then a wishlist, a claim or a checkout. */
  steps.shop = async () => {
    const cartId = `${ns}k${++nextCart}`;
    const customerId = rng.chance(0.5) ? `${ns}c${1 + rng.int(3)}` : null;
    const self = ctx({ id: customerId ?? 'anonymous', role: 'customer' });
    const created = await attempt('createCart', () =>
      handlers.createCart({ cartId, customerId, currency: 'EUR' }, self),
    );
    if (!created) return;
    const access = { customerId, secret: created.secret };
    for (let line = 0; line < 1 + rng.int(3); line++) {
      await attempt('addCartLine', () =>
        handlers.addLine(
          cartId,
          access,
          { productId: rng.pick(products).productId, quantity: 1 + rng.int(3) },
          self,
        ),
      );
    }
    if (rng.chance(0.6)) {
      await attempt('setCartEmail', () =>
        handlers.setEmail(
          cartId,
          access,
          { email: `${cartId}@example.com`, marketingConsent: rng.chance(0.5), source: 'checkout' },
          self,
        ),
      );
      await attempt('setCartAddress', () => handlers.setShippingAddress(cartId, access, address, self));
      // The shop ships to the address by zone (set up above): checkout needs a method.
      await attempt('chooseCartShipping', () =>
        handlers.chooseShippingMethod(cartId, access, 'gb-standard', self),
      );
    }
    if (customerId) {
      const product = rng.pick(products).productId;
      await attempt('addToWishlist', () => handlers.addToWishlist(customerId, product, self));
      if (rng.chance(0.3))
        await attempt('removeFromWishlist', () => handlers.removeFromWishlist(customerId, product, self));
    } else if (rng.chance(0.3)) {
      const claimer = `${ns}c${1 + rng.int(3)}`;
      await attempt('claimCart', () =>
        handlers.claimCart(
          cartId,
          { customerId: claimer, secret: created.secret!, mergeInto: null },
          ctx({ id: claimer, role: 'customer' }),
        ),
      );
      access.customerId = claimer;
      access.secret = null;
    }
    if (rng.chance(0.4)) {
      const placed = await attempt('checkOutCart', () => handlers.checkOutCart(cartId, access, {}, self));
      if (placed) await refresh(placed.order.orderId);
    }
  };

  // Weights: mostly orders and their life cycle, then stock, then catalog and replenishment.
  const weighted: [keyof typeof steps, number][] = [
    ['placeOrder', 14],
    ['rush', 2],
    ['oversell', 1],
    ['backorder', 1],
    ['pay', 10],
    ['ship', 10],
    ['deliver', 4],
    ['refund', 4],
    ['cancel', 3],
    ['expire', 4],
    ['receive', 8],
    ['adjust', 5],
    ['transfer', 5],
    ['threshold', 4],
    ['reprice', 6],
    ['update', 3],
    ['discontinue', 1],
    ['location', 2],
    ['forecast', 6],
    ['review', 3],
    ['policy', 2],
    ['dismiss', 3],
    ['shop', 4],
    ['promote', 3],
    ['generateCodes', 1],
    ['redeem', 3],
    ['requestReturn', 3],
    ['decideReturn', 2],
    ['receiveReturn', 2],
    ['edit', 2],
    ['dispute', 2],
    ['claim', 3],
  ];
  const wheel = weighted.flatMap(([name, weight]) => Array<keyof typeof steps>(weight).fill(name));
  let opened = false;
  return {
    report,
    async run(count) {
      if (!opened) {
        await open();
        await openReports();
        await openPriceLists();
      }
      opened = true;
      for (let step = 0; step < count; step++) {
        h.clock.advance(rng.int(3) * MINUTE);
        await steps[rng.pick(wheel)]!();
      }
      await recordReportRun();
    },
  };
}
