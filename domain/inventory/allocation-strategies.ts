/** One order line to allocate; `quantity` may be 0 when all of it goes on backorder. */
export type Demand = { lineId: string; sku: string; quantity: number };

/** Units available per SKU, then per location. Missing entries read as 0. */
export type Availability = Record<string, Record<string, number>>;

export type Allocation = { location: string; quantity: number };

export type AllocatedLine = {
  lineId: string;
  sku: string;
  quantity: number;
  /** Sums to `quantity`; a backordered part is included in its location's entry. */
  allocations: Allocation[];
  /** How much of `quantity` the stock stream will record as a backorder rather than reserve. */
  backordered: number;
};

/** Called only when every SKU has enough in total; must never allocate more than is available. */
export type AllocationStrategy = (demands: readonly Demand[], availability: Availability) => AllocatedLine[];

/**
 * Picks locations by greedy set cover: repeatedly the one that can supply the most of what is
 * still needed. A location that can ship the whole order supplies everything, so it always wins
 * the first round; ties go to the location with the most stock of the order's SKUs, then to the
 * smaller id, so equal inputs always give equal allocations. Then each line goes whole to the
 * first chosen location that can take it, and is split over the chosen ones only when none can.
 */
export const singleLocationFirst: AllocationStrategy = (demands, availability) => {
  const chosen = chooseLocations(demands, availability);
  const pool = copy(availability);
  return demands.map((demand) => {
    const line = emptyLine(demand);
    const whole = chosen.find((location) => at(pool, demand.sku, location) >= demand.quantity);
    let left = demand.quantity;
    for (const location of whole === undefined ? chosen : [whole]) {
      const taken = take(pool, demand.sku, location, left);
      if (taken > 0) line.allocations.push({ location, quantity: taken });
      left -= taken;
    }
    return line;
  });
};

function chooseLocations(demands: readonly Demand[], availability: Availability): string[] {
  const pool = copy(availability);
  const remaining = new Map(demands.map((d) => [d.lineId, d.quantity]));
  const skus = new Set(demands.map((d) => d.sku));
  const stockOf = (location: string) => [...skus].reduce((total, sku) => total + at(pool, sku, location), 0);
  const chosen: string[] = [];
  for (;;) {
    const best = locationsOf(pool, skus)
      .filter((location) => !chosen.includes(location))
      .map((location) => ({
        location,
        covers: coverage(demands, remaining, pool, location),
        stock: stockOf(location),
      }))
      .filter((c) => c.covers > 0)
      .sort((a, b) => b.covers - a.covers || b.stock - a.stock || byId(a.location, b.location))[0];
    if (best === undefined) return chosen;
    chosen.push(best.location);
    for (const demand of demands) {
      const taken = take(pool, demand.sku, best.location, remaining.get(demand.lineId) ?? 0);
      remaining.set(demand.lineId, (remaining.get(demand.lineId) ?? 0) - taken);
    }
  }
}

/** Line by line, each from the locations with the most of its SKU first (ties by id). */
export const splitGreedy: AllocationStrategy = (demands, availability) => {
  const pool = copy(availability);
  return demands.map((demand) => {
    const line = emptyLine(demand);
    let left = demand.quantity;
    const locations = locationsOf(pool, new Set([demand.sku])).sort(
      (a, b) => at(pool, demand.sku, b) - at(pool, demand.sku, a) || byId(a, b),
    );
    for (const location of locations) {
      if (left === 0) break;
      const taken = take(pool, demand.sku, location, left);
      if (taken > 0) line.allocations.push({ location, quantity: taken });
      left -= taken;
    }
    return line;
  });
};

function coverage(
  demands: readonly Demand[],
  remaining: Map<string, number>,
  pool: Availability,
  location: string,
): number {
  const left = new Map<string, number>();
  let covers = 0;
  for (const demand of demands) {
    const stock = left.get(demand.sku) ?? at(pool, demand.sku, location);
    const taken = Math.min(stock, remaining.get(demand.lineId) ?? 0);
    left.set(demand.sku, stock - taken);
    covers += taken;
  }
  return covers;
}

function take(pool: Availability, sku: string, location: string, wanted: number): number {
  const taken = Math.min(wanted, at(pool, sku, location));
  if (taken > 0) {
    const bySku = pool[sku];
    if (bySku !== undefined) bySku[location] = at(pool, sku, location) - taken;
  }
  return taken;
}

function at(pool: Availability, sku: string, location: string): number {
  const bySku = Object.hasOwn(pool, sku) ? pool[sku] : undefined;
  return bySku !== undefined && Object.hasOwn(bySku, location) ? (bySku[location] ?? 0) : 0;
}

function locationsOf(pool: Availability, skus: ReadonlySet<string>): string[] {
  const locations = new Set<string>();
  for (const sku of skus) {
    const bySku = Object.hasOwn(pool, sku) ? pool[sku] : undefined;
    for (const location of Object.keys(bySku ?? {})) locations.add(location);
  }
  return [...locations].sort(byId);
}

/** Working copy with negative counts read as 0, so the caller's object is never touched. */
function copy(availability: Availability): Availability {
  const pool = Object.create(null) as Availability;
  for (const [sku, byLocation] of Object.entries(availability)) {
    pool[sku] = Object.fromEntries(Object.entries(byLocation).map(([loc, n]) => [loc, Math.max(0, n)]));
  }
  return pool;
}

function emptyLine(demand: Demand): AllocatedLine {
  return {
    lineId: demand.lineId,
    sku: demand.sku,
    quantity: demand.quantity,
    allocations: [],
    backordered: 0,
  };
}

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
