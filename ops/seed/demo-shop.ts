import type { CommandContext, CommandHandlers } from '../../commands/command-handlers.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { EventStore } from '../../ports/event-store.ts';

/**
 * `qm seed --demo`: a believable shop written through the real command handlers, so every page
 * and chart of the dashboard has something to show on the first run. Deterministic (a seeded
 * generator): the same options give the same shop. Every id starts with `demo-`.
 *
 * - 200 products in 10 categories, priced and popular by a long tail (a few sell most);
 * - 2 locations, stock received before the first order and topped up twice, a threshold on every
 *   level, some SKUs left low and some selling only now and then (intermittent demand);
 * - `days` days of orders up to now, more at the weekend, a growing customer base, each order paid,
 *   shipped and delivered as its time passes; a few cancelled before payment, a few refunded.
 *
 * Each event carries the time it happened (the command context's `now`), so the rollups, the
 * stock-level charts and the forecasts see a past, not one burst.
 *
 * Idempotent: a product or an order whose stream exists is skipped, and a day whose last order
 * exists is skipped whole, so a second run (or a run resumed after a crash) adds nothing twice.
 */
export interface DemoOptions {
  days: number;
  products: number;
  ordersPerDay: number;
  seed: number;
  /** The moment the history ends (now). */
  now: Date;
}

/** The saved report the seed writes last: its stream says the demo is complete. */
export const DEMO_REPORT_ID = 'demo-weekly-revenue';

export const defaultDemoOptions = { days: 90, products: 200, ordersPerDay: 14, seed: 20 } as const;

export interface DemoReport {
  products: number;
  categories: number;
  locations: number;
  orders: number;
  cancelled: number;
  refunded: number;
  /** Orders the shop could not fill (stock ran out): the dashboard's stock-outs. */
  refused: number;
  /** Orders already there; -1 when the whole demo was (nothing done). */
  skipped: number;
}

export type DemoProgress = (task: string, done: number, total: number) => void;

const CATEGORIES: Record<string, { nouns: string[]; price: [number, number] }> = {
  kitchen: {
    nouns: ['Kettle', 'Chef Knife', 'Cutting Board', 'Saucepan', 'Mixing Bowl'],
    price: [900, 8900],
  },
  garden: { nouns: ['Trowel', 'Hose', 'Planter', 'Pruning Shears', 'Watering Can'], price: [700, 5900] },
  tools: {
    nouns: ['Hammer', 'Screwdriver Set', 'Drill', 'Spirit Level', 'Tape Measure'],
    price: [800, 12900],
  },
  lighting: {
    nouns: ['Desk Lamp', 'Pendant Light', 'LED Strip', 'Floor Lamp', 'Lantern'],
    price: [1500, 14900],
  },
  bath: { nouns: ['Towel', 'Bath Mat', 'Soap Dish', 'Shower Head', 'Mirror'], price: [600, 6900] },
  office: {
    nouns: ['Notebook', 'Desk Organizer', 'Stapler', 'Monitor Stand', 'Pen Set'],
    price: [400, 7900],
  },
  outdoor: { nouns: ['Tent', 'Camping Chair', 'Cool Box', 'Hammock', 'Head Torch'], price: [1900, 24900] },
  toys: { nouns: ['Puzzle', 'Building Blocks', 'Kite', 'Board Game', 'Plush Bear'], price: [900, 5900] },
  audio: { nouns: ['Headphones', 'Speaker', 'Earbuds', 'Radio', 'Turntable'], price: [2500, 29900] },
  sports: {
    nouns: ['Yoga Mat', 'Dumbbell', 'Jump Rope', 'Water Bottle', 'Resistance Band'],
    price: [500, 6900],
  },
};
const ADJECTIVES = ['Classic', 'Compact', 'Pro'];
const BRANDS = ['Nordhaus', 'Acme', 'Lumen', 'Kestrel'];
const LOCATIONS = [
  { id: 'berlin', name: 'Berlin warehouse', share: 0.6 },
  { id: 'hamburg', name: 'Hamburg warehouse', share: 0.4 },
];
const CITIES = [
  { city: 'Berlin', postalCode: '10115' },
  { city: 'Hamburg', postalCode: '20095' },
  { city: 'Munich', postalCode: '80331' },
  { city: 'Cologne', postalCode: '50667' },
  { city: 'Leipzig', postalCode: '04109' },
];
/** Monday first: shoppers buy more at the weekend. */
const WEEKDAY_FACTOR = [0.85, 0.9, 0.95, 1, 1.15, 1.45, 1.3];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32: a small, well-known seeded generator, so the demo is the same on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface DemoProduct {
  productId: string;
  sku: string;
  name: string;
  category: string;
  brand: string;
  price: number;
  /** Expected units a day across both locations. */
  demand: number;
  intermittent: boolean;
  /** Left to run low: received short. */
  low: boolean;
}

export function demoCatalog(options: Pick<DemoOptions, 'products' | 'seed'>): DemoProduct[] {
  const random = generator(options.seed);
  const categories = Object.entries(CATEGORIES);
  const products: DemoProduct[] = [];
  for (let i = 0; i < options.products; i += 1) {
    const [category, { nouns, price }] = categories[i % categories.length]!;
    const slot = Math.floor(i / categories.length);
    const noun = nouns[slot % nouns.length]!;
    const adjective = ADJECTIVES[Math.floor(slot / nouns.length) % ADJECTIVES.length]!;
    const edition = Math.floor(slot / (nouns.length * ADJECTIVES.length));
    const number = String(i + 1).padStart(3, '0');
    // A long tail: the first products of each category sell most.
    const rank = slot + 1 + random() * 2;
    const intermittent = i % 9 === 8;
    const [low, high] = price;
    products.push({
      productId: `demo-p-${number}`,
      sku: `DEMO-${category.slice(0, 3).toUpperCase()}-${number}`,
      name: `${adjective} ${noun}${edition > 0 ? ` ${edition + 1}` : ''}`,
      category,
      brand: BRANDS[i % BRANDS.length]!,
      price: Math.round((low + random() * (high - low)) / 100) * 100 - 1,
      demand: intermittent ? 0.08 : 2.4 / Math.pow(rank, 0.9),
      intermittent,
      low: i % 13 === 5,
    });
  }
  return products;
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });

export async function seedDemoShop(
  deps: { handlers: CommandHandlers; store: EventStore },
  options: DemoOptions,
  progress: DemoProgress = () => {},
): Promise<DemoReport> {
  const { handlers, store } = deps;
  let commands = 0;
  const at = (time: number): CommandContext => ({
    actor: { id: 'demo-seed', role: 'admin' },
    correlationId: `demo-seed-${options.seed}-${(commands += 1)}`,
    causationId: null,
    now: new Date(time).toISOString(),
  });
  const exists = async (stream: string) => (await store.streamRevision(stream)) !== null;
  const report: DemoReport = {
    products: 0,
    categories: new Set(Object.keys(CATEGORIES).slice(0, options.products)).size,
    locations: LOCATIONS.length,
    orders: 0,
    cancelled: 0,
    refunded: 0,
    refused: 0,
    skipped: 0,
  };
  if (await exists(`report-${DEMO_REPORT_ID}`)) return { ...report, skipped: -1 };
  const end = options.now.getTime();
  const firstDay = Math.floor(end / DAY) * DAY - options.days * DAY;
  const setUpAt = firstDay - DAY + 9 * HOUR;

  // The shop: locations, catalog, first stock and a threshold on every level.
  for (const location of LOCATIONS) {
    if (!(await exists(`location-${location.id}`))) {
      await handlers.createLocation(location.id, location.name, at(setUpAt));
    }
  }
  const catalog = demoCatalog(options);
  for (const [index, product] of catalog.entries()) {
    progress('catalog and stock', index, catalog.length);
    report.products += 1;
    if (await exists(`product-${product.productId}`)) continue;
    await handlers.createProduct(
      {
        productId: product.productId,
        sku: product.sku,
        name: product.name,
        description: `${product.name} by ${product.brand}, from the ${product.category} range.`,
        brand: product.brand,
        category: product.category,
        attributes: {},
        allowBackorder: false,
        price: eur(product.price),
      },
      at(setUpAt),
    );
    for (const location of LOCATIONS) {
      const expected = product.demand * location.share;
      // A month's demand and a margin; the low ones get a week's, so they run out and show as low.
      const quantity = Math.ceil(expected * (product.low ? 7 : 32)) + (product.low ? 1 : 4);
      await handlers.receiveStock(
        { sku: product.sku, location: location.id, quantity, reference: `demo-po-0-${product.sku}` },
        at(setUpAt + HOUR),
      );
      await handlers.setLowStockThreshold(
        { sku: product.sku, location: location.id, threshold: Math.max(3, Math.ceil(expected * 7)) },
        at(setUpAt + HOUR),
      );
    }
  }
  progress('catalog and stock', catalog.length, catalog.length);

  const weights = catalog.map((product) => product.demand);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  // Each day draws from its own generator, so a resumed run makes the same orders for a day
  // whatever it skipped before.
  let random = generator(options.seed);
  const pick = () => {
    let left = random() * totalWeight;
    for (const [index, weight] of weights.entries()) {
      left -= weight;
      if (left <= 0) return catalog[index]!;
    }
    return catalog[catalog.length - 1]!;
  };

  // The days: orders placed, paid, shipped, delivered, some cancelled or refunded.
  const plannedTotal = Math.round(options.days * options.ordersPerDay * 1.1);
  let planned = 0;
  for (let day = 0; day < options.days; day += 1) {
    random = generator(options.seed * 7919 + day + 1);
    const dayStart = firstDay + day * DAY;
    const weekday = (new Date(dayStart).getUTCDay() + 6) % 7;
    const growth = 0.75 + (0.5 * day) / Math.max(options.days - 1, 1);
    const count = Math.max(
      1,
      Math.round(options.ordersPerDay * WEEKDAY_FACTOR[weekday]! * growth * (0.85 + random() * 0.3)),
    );
    const orderIds = Array.from(
      { length: count },
      (_, n) => `demo-o-${String(day).padStart(3, '0')}-${String(n).padStart(3, '0')}`,
    );
    // Stock topped up a third and two thirds through, where it runs short (not the low ones).
    const restock = day > 0 && day % Math.max(1, Math.floor(options.days / 3)) === 0;
    if (restock && !(await exists(`order-${orderIds[0]!}`))) {
      for (const product of catalog) {
        if (product.low || product.intermittent) continue;
        for (const location of LOCATIONS) {
          await handlers.receiveStock(
            {
              sku: product.sku,
              location: location.id,
              quantity: Math.ceil(product.demand * location.share * 30),
              reference: `demo-po-${day}-${product.sku}`,
            },
            at(dayStart + 7 * HOUR),
          );
        }
      }
    }
    if (await exists(`order-${orderIds[orderIds.length - 1]!}`)) {
      planned += count;
      report.skipped += count;
      continue;
    }
    const customers = 40 + day * 3;
    for (const [n, orderId] of orderIds.entries()) {
      planned += 1;
      progress('orders', planned, Math.max(plannedTotal, planned));
      // Every draw of an order is made before it may be skipped: the next order stays the same.
      const placedAt = dayStart + 8 * HOUR + Math.floor(((n + random()) / count) * 14 * HOUR);
      const lines = new Map<string, number>();
      const lineCount = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.1 ? 1 : 0);
      for (let l = 0; l < lineCount; l += 1) {
        const product = pick();
        lines.set(product.productId, (lines.get(product.productId) ?? 0) + (random() < 0.8 ? 1 : 2));
      }
      const city = CITIES[Math.floor(random() * CITIES.length)]!;
      const customerId = `demo-c-${String(1 + Math.floor(random() * customers)).padStart(4, '0')}`;
      const street = `${10 + Math.floor(random() * 90)} Hauptstraße`;
      const cancels = random() < 0.04;
      const refunds = random() < 0.05;
      if (placedAt >= end || (await exists(`order-${orderId}`))) {
        report.skipped += 1;
        continue;
      }
      let placed: Awaited<ReturnType<CommandHandlers['placeOrder']>>;
      try {
        placed = await handlers.placeOrder(
          {
            orderId,
            customerId,
            currency: 'EUR',
            lines: [...lines].map(([productId, quantity]) => ({ productId, quantity })),
            shippingAddress: {
              name: `Customer ${customerId.slice(-4)}`,
              line1: street,
              line2: null,
              city: city.city,
              postalCode: city.postalCode,
              region: null,
              country: 'DE',
            },
          },
          at(placedAt),
        );
      } catch (error) {
        // Out of stock: the shop could not fill it, as a real one sometimes cannot.
        if (!isDomainError(error)) throw error;
        report.refused += 1;
        continue;
      }
      report.orders += 1;
      if (cancels) {
        await handlers.cancelOrder(
          { orderId, reason: 'requested', note: null },
          at(Math.min(end - 1, placedAt + 20 * 60_000)),
        );
        report.cancelled += 1;
        continue;
      }
      const paidAt = placedAt + 5 * 60_000;
      if (paidAt >= end) continue;
      await handlers.recordManualPayment(
        { orderId, reference: `demo-bank-${orderId}`, amount: placed.order.totals.total },
        at(paidAt),
      );
      const shippedAt = placedAt + DAY;
      if (shippedAt >= end) continue;
      const locations = new Set(
        placed.order.lines.flatMap((line) => line.allocations.map((a) => a.location)),
      );
      for (const location of locations) {
        await handlers.shipOrder(
          {
            orderId,
            shipmentId: `demo-s-${orderId}-${location}`,
            location,
            carrier: 'DHL',
            trackingNumber: `DEMO${orderId.replaceAll('-', '').toUpperCase()}${location.slice(0, 2).toUpperCase()}`,
            lines: placed.order.lines.flatMap((line) =>
              line.allocations
                .filter((allocation) => allocation.location === location)
                .map((allocation) => ({ lineId: line.lineId, quantity: allocation.quantity })),
            ),
          },
          at(shippedAt),
        );
      }
      const deliveredAt = placedAt + 3 * DAY;
      if (deliveredAt >= end) continue;
      await handlers.deliverOrder(orderId, at(deliveredAt));
      const refundAt = placedAt + 6 * DAY;
      if (refundAt < end && refunds) {
        const line = placed.order.lines[0]!;
        await handlers.refundOrder(
          { orderId, amount: eur(line.unitPrice.amount), reason: 'damaged in transit' },
          at(refundAt),
        );
        report.refunded += 1;
      }
    }
  }
  progress('orders', planned, planned);
  // Saved last: a saved report for the Reports page, and the mark that the demo is complete.
  await handlers.saveReport(
    {
      reportId: DEMO_REPORT_ID,
      name: 'Revenue per week (demo)',
      definition: {
        measure: 'revenue',
        by: ['period', 'currency'],
        filters: {},
        granularity: 'week',
        lastDays: options.days,
        limit: 100,
      },
    },
    at(end - 1),
  );
  return report;
}
