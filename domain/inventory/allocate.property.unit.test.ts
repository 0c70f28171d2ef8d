import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocationStrategyNames, type Availability, type OrderLineDemand } from './index.ts';

const skus = ['A', 'B', 'C', 'D'];
const locations = ['berlin', 'paris', 'rome', 'oslo'];

const lines = fc
  .array(fc.record({ sku: fc.constantFrom(...skus), quantity: fc.integer({ min: 1, max: 12 }) }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((ls) => ls.map((l, i): OrderLineDemand => ({ ...l, lineId: `l${i}` })));

const availability: fc.Arbitrary<Availability> = fc.dictionary(
  fc.constantFrom(...skus),
  fc.dictionary(fc.constantFrom(...locations), fc.integer({ min: 0, max: 10 })),
);

function totals(ls: readonly OrderLineDemand[], stock: Availability) {
  const requested = new Map<string, number>();
  for (const l of ls) requested.set(l.sku, (requested.get(l.sku) ?? 0) + l.quantity);
  const anywhere = (sku: string) => Object.values(stock[sku] ?? {}).reduce((a, b) => a + b, 0);
  return { requested, anywhere };
}

const RUNS = 1000;

describe.each(allocationStrategyNames)('allocation properties (%s)', (strategy) => {
  it('never exceeds availability and sums to the requested quantities when satisfiable', () => {
    fc.assert(
      fc.property(lines, availability, (ls, stock) => {
        const result = allocate(ls, stock, strategy);
        const { requested, anywhere } = totals(ls, stock);
        const short = [...requested].filter(([sku, n]) => n > anywhere(sku)).map(([sku]) => sku);

        if (!result.ok) {
          expect(result.shortages.map((s) => s.sku)).toEqual(short);
          for (const s of result.shortages) {
            expect(s).toEqual({ sku: s.sku, requested: requested.get(s.sku), available: anywhere(s.sku) });
          }
          return;
        }
        expect(short).toEqual([]);
        const used = new Map<string, number>();
        result.lines.forEach((allocated, i) => {
          const demand = ls[i]!;
          expect(allocated).toMatchObject({
            lineId: demand.lineId,
            sku: demand.sku,
            quantity: demand.quantity,
          });
          expect(allocated.backordered).toBe(0);
          expect(allocated.allocations.reduce((total, a) => total + a.quantity, 0)).toBe(demand.quantity);
          expect(new Set(allocated.allocations.map((a) => a.location)).size).toBe(
            allocated.allocations.length,
          );
          for (const a of allocated.allocations) {
            expect(a.quantity).toBeGreaterThan(0);
            const key = `${demand.sku}@${a.location}`;
            used.set(key, (used.get(key) ?? 0) + a.quantity);
          }
        });
        for (const [key, n] of used) {
          const [sku, location] = key.split('@') as [string, string];
          expect(n).toBeLessThanOrEqual(stock[sku]?.[location] ?? 0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with backorder allowed, always allocates every unit and backorders only the shortfall', () => {
    fc.assert(
      fc.property(lines, availability, (ls, stock) => {
        const result = allocate(
          ls.map((l) => ({ ...l, backorderAt: 'berlin' })),
          stock,
          strategy,
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { requested, anywhere } = totals(ls, stock);
        const backordered = new Map<string, number>();
        result.lines.forEach((allocated, i) => {
          expect(allocated.allocations.reduce((total, a) => total + a.quantity, 0)).toBe(ls[i]!.quantity);
          backordered.set(allocated.sku, (backordered.get(allocated.sku) ?? 0) + allocated.backordered);
        });
        for (const [sku, n] of requested) {
          expect(backordered.get(sku)).toBe(Math.max(0, n - anywhere(sku)));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('single-location-first', () => {
  it('uses exactly one location whenever one location can ship the whole order', () => {
    fc.assert(
      fc.property(lines, availability, (ls, stock) => {
        const { requested } = totals(ls, stock);
        const whole = locations.filter((loc) =>
          [...requested].every(([sku, n]) => (stock[sku]?.[loc] ?? 0) >= n),
        );
        const result = allocate(ls, stock, 'single-location-first');
        if (whole.length === 0 || !result.ok) return;
        const used = new Set(result.lines.flatMap((l) => l.allocations.map((a) => a.location)));
        expect(used.size).toBe(1);
        expect(whole).toContain([...used][0]);
      }),
      { numRuns: RUNS },
    );
  });
});
