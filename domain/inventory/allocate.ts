import type { Shortage } from './errors.ts';
import { ValidationFailed } from '../errors.ts';
import { requireKey, requirePositiveInt, requireUnique } from '../validation.ts';
import {
  singleLocationFirst,
  splitGreedy,
  type AllocatedLine,
  type AllocationStrategy,
  type Availability,
  type Demand,
} from './allocation-strategies.ts';

export type { AllocatedLine, Allocation, AllocationStrategy, Availability } from './allocation-strategies.ts';

/**
 * A line to allocate. `backorderAt` is set only for SKUs the catalog allows to backorder: when
 * stock is short, the shortfall is allocated there and the stock stream records it as a backorder.
 */
export type OrderLineDemand = { lineId: string; sku: string; quantity: number; backorderAt?: string };

export const allocationStrategies = {
  'single-location-first': singleLocationFirst,
  'split-greedy': splitGreedy,
} satisfies Record<string, AllocationStrategy>;

export type AllocationStrategyName = keyof typeof allocationStrategies;

export const defaultAllocationStrategy: AllocationStrategyName = 'single-location-first';

export const allocationStrategyNames = Object.keys(allocationStrategies) as AllocationStrategyName[];

export function isAllocationStrategyName(name: string): name is AllocationStrategyName {
  return Object.hasOwn(allocationStrategies, name);
}

/**
 * A shortage is an ordinary answer, not an exception: the caller turns it into `StockShortage`
 * (a 409 naming each short SKU with what is available).
 */
export type AllocationResult =
  | { ok: true; strategy: AllocationStrategyName; lines: AllocatedLine[] }
  | { ok: false; strategy: AllocationStrategyName; shortages: Shortage[] };

/**
 * Decides which locations serve each line. Pure: availability is a snapshot the caller read, and
 * the stock streams still enforce the invariant when the reservations are appended.
 */
export function allocate(
  lines: readonly OrderLineDemand[],
  availability: Availability,
  strategy: AllocationStrategyName = defaultAllocationStrategy,
): AllocationResult {
  validate(lines, availability);
  const totals = totalsBySku(lines, availability);
  const shortages = [...totals.entries()]
    .filter(([, t]) => t.requested > t.available && !t.backorderable)
    .map(([sku, t]) => ({ sku, requested: t.requested, available: t.available }));
  if (shortages.length > 0) return { ok: false, strategy, shortages };

  const demands = capToAvailable(lines, totals);
  const allocated = allocationStrategies[strategy](demands, availability);
  return { ok: true, strategy, lines: allocated.map((line, i) => withBackorder(line, lines[i])) };
}

type SkuTotals = { requested: number; available: number; backorderable: boolean };

function totalsBySku(lines: readonly OrderLineDemand[], availability: Availability): Map<string, SkuTotals> {
  const totals = new Map<string, SkuTotals>();
  for (const line of lines) {
    const t = totals.get(line.sku) ?? {
      requested: 0,
      available: availableAnywhere(availability, line.sku),
      backorderable: true,
    };
    totals.set(line.sku, {
      ...t,
      requested: t.requested + line.quantity,
      backorderable: t.backorderable && line.backorderAt !== undefined,
    });
  }
  return totals;
}

/** Backorderable SKUs short of stock: later lines give up the shortfall first. */
function capToAvailable(lines: readonly OrderLineDemand[], totals: Map<string, SkuTotals>): Demand[] {
  const left = new Map([...totals].map(([sku, t]) => [sku, t.available]));
  return lines.map(({ lineId, sku, quantity }) => {
    const stock = left.get(sku) ?? 0;
    const served = Math.min(quantity, stock);
    left.set(sku, stock - served);
    return { lineId, sku, quantity: served };
  });
}

function withBackorder(line: AllocatedLine, original: OrderLineDemand | undefined): AllocatedLine {
  if (original === undefined || original.backorderAt === undefined) return line;
  const short = original.quantity - line.quantity;
  if (short === 0) return line;
  const location = original.backorderAt;
  const existing = line.allocations.find((a) => a.location === location);
  const allocations = existing
    ? line.allocations.map((a) => (a === existing ? { location, quantity: a.quantity + short } : a))
    : [...line.allocations, { location, quantity: short }];
  return { ...line, quantity: original.quantity, allocations, backordered: short };
}

function availableAnywhere(availability: Availability, sku: string): number {
  const bySku = Object.hasOwn(availability, sku) ? availability[sku] : undefined;
  return Object.values(bySku ?? {}).reduce((total, n) => total + Math.max(0, n), 0);
}

function validate(lines: readonly OrderLineDemand[], availability: Availability): void {
  requireUnique(
    'lines',
    lines.map((l) => l.lineId),
  );
  lines.forEach((line, i) => {
    requireKey(`lines[${i}].sku`, line.sku);
    requirePositiveInt(`lines[${i}].quantity`, line.quantity);
    if (line.backorderAt !== undefined) requireKey(`lines[${i}].backorderAt`, line.backorderAt);
  });
  for (const [sku, byLocation] of Object.entries(availability)) {
    for (const [location, n] of Object.entries(byLocation)) {
      if (!Number.isSafeInteger(n)) {
        throw new ValidationFailed(`availability.${sku}.${location}`, 'must be an integer');
      }
    }
  }
}
