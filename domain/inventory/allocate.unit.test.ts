import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../errors.ts';
import {
  allocate,
  allocationStrategyNames,
  defaultAllocationStrategy,
  isAllocationStrategyName,
  type Availability,
} from './index.ts';

const line = (lineId: string, sku: string, quantity: number) => ({ lineId, sku, quantity });

describe('single-location-first', () => {
  it('ships the whole order from one location when one can', () => {
    const availability: Availability = { A: { berlin: 5, paris: 10 }, B: { berlin: 5, paris: 1 } };
    expect(allocate([line('l1', 'A', 3), line('l2', 'B', 2)], availability)).toEqual({
      ok: true,
      strategy: 'single-location-first',
      lines: [
        {
          lineId: 'l1',
          sku: 'A',
          quantity: 3,
          allocations: [{ location: 'berlin', quantity: 3 }],
          backordered: 0,
        },
        {
          lineId: 'l2',
          sku: 'B',
          quantity: 2,
          allocations: [{ location: 'berlin', quantity: 2 }],
          backordered: 0,
        },
      ],
    });
  });

  it('breaks ties by most stock of the order, then by location id', () => {
    const roomier: Availability = { A: { berlin: 5, paris: 9 } };
    expect(allocate([line('l1', 'A', 2)], roomier)).toMatchObject({
      lines: [{ allocations: [{ location: 'paris', quantity: 2 }] }],
    });
    const equal: Availability = { A: { paris: 5, berlin: 5 } };
    expect(allocate([line('l1', 'A', 2)], equal)).toMatchObject({
      lines: [{ allocations: [{ location: 'berlin', quantity: 2 }] }],
    });
  });

  it('otherwise splits over as few locations as it greedily can, keeping lines whole', () => {
    const availability: Availability = {
      A: { berlin: 4, paris: 1, rome: 0 },
      B: { berlin: 0, paris: 3, rome: 3 },
      C: { berlin: 0, paris: 2, rome: 0 },
    };
    // paris can supply the most (1 + 3 + 2), berlin the rest; A then fits whole in berlin.
    const result = allocate([line('l1', 'A', 4), line('l2', 'B', 3), line('l3', 'C', 2)], availability);
    expect(result).toMatchObject({
      ok: true,
      lines: [
        { allocations: [{ location: 'berlin', quantity: 4 }] },
        { allocations: [{ location: 'paris', quantity: 3 }] },
        { allocations: [{ location: 'paris', quantity: 2 }] },
      ],
    });
  });

  it('splits one line when no location has enough of it', () => {
    const result = allocate([line('l1', 'A', 7)], { A: { berlin: 4, paris: 5 } });
    expect(result).toMatchObject({
      lines: [
        {
          allocations: [
            { location: 'paris', quantity: 5 },
            { location: 'berlin', quantity: 2 },
          ],
        },
      ],
    });
  });
});

describe('split-greedy', () => {
  it('serves each line from the locations with the most of its SKU', () => {
    const availability: Availability = { A: { berlin: 5, paris: 3 }, B: { berlin: 1, paris: 4 } };
    expect(allocate([line('l1', 'A', 6), line('l2', 'B', 2)], availability, 'split-greedy')).toMatchObject({
      ok: true,
      strategy: 'split-greedy',
      lines: [
        {
          allocations: [
            { location: 'berlin', quantity: 5 },
            { location: 'paris', quantity: 1 },
          ],
        },
        { allocations: [{ location: 'paris', quantity: 2 }] },
      ],
    });
  });

  it('shares stock between lines of the same SKU', () => {
    const result = allocate(
      [line('l1', 'A', 3), line('l2', 'A', 3)],
      { A: { berlin: 4, paris: 2 } },
      'split-greedy',
    );
    expect(result).toMatchObject({
      lines: [
        { allocations: [{ location: 'berlin', quantity: 3 }] },
        {
          allocations: [
            { location: 'paris', quantity: 2 },
            { location: 'berlin', quantity: 1 },
          ],
        },
      ],
    });
  });
});

describe('shortage', () => {
  it.each(allocationStrategyNames)('names each short SKU with what is available (%s)', (strategy) => {
    const availability: Availability = { A: { berlin: 2, paris: 1 }, B: { berlin: 9 } };
    expect(
      allocate([line('l1', 'A', 4), line('l2', 'B', 1), line('l3', 'C', 1)], availability, strategy),
    ).toEqual({
      ok: false,
      strategy,
      shortages: [
        { sku: 'A', requested: 4, available: 3 },
        { sku: 'C', requested: 1, available: 0 },
      ],
    });
  });

  it('adds up lines of the same SKU', () => {
    expect(allocate([line('l1', 'A', 2), line('l2', 'A', 2)], { A: { berlin: 3 } })).toMatchObject({
      ok: false,
      shortages: [{ sku: 'A', requested: 4, available: 3 }],
    });
  });

  it('reads negative availability as none', () => {
    expect(allocate([line('l1', 'A', 1)], { A: { berlin: -2 } })).toMatchObject({
      ok: false,
      shortages: [{ sku: 'A', requested: 1, available: 0 }],
    });
  });
});

describe('backorder', () => {
  it('allocates what is available and puts the shortfall at the backorder location', () => {
    const result = allocate(
      [{ ...line('l1', 'A', 10), backorderAt: 'berlin' }],
      { A: { berlin: 2, paris: 3 } },
      'split-greedy',
    );
    expect(result).toEqual({
      ok: true,
      strategy: 'split-greedy',
      lines: [
        {
          lineId: 'l1',
          sku: 'A',
          quantity: 10,
          allocations: [
            { location: 'paris', quantity: 3 },
            { location: 'berlin', quantity: 7 },
          ],
          backordered: 5,
        },
      ],
    });
  });

  it('backorders a whole line when there is no stock anywhere', () => {
    expect(allocate([{ ...line('l1', 'A', 2), backorderAt: 'rome' }], {})).toMatchObject({
      ok: true,
      lines: [{ quantity: 2, allocations: [{ location: 'rome', quantity: 2 }], backordered: 2 }],
    });
  });

  it('does not backorder when stock suffices', () => {
    expect(allocate([{ ...line('l1', 'A', 2), backorderAt: 'rome' }], { A: { berlin: 2 } })).toMatchObject({
      lines: [{ allocations: [{ location: 'berlin', quantity: 2 }], backordered: 0 }],
    });
  });

  it('still reports a shortage for lines that may not backorder', () => {
    expect(allocate([{ ...line('l1', 'A', 2), backorderAt: 'rome' }, line('l2', 'A', 1)], {})).toMatchObject({
      ok: false,
      shortages: [{ sku: 'A', requested: 3, available: 0 }],
    });
  });
});

describe('input', () => {
  it('leaves the availability it was given untouched', () => {
    const availability: Availability = { A: { berlin: 5 } };
    allocate([line('l1', 'A', 5)], availability);
    expect(availability).toEqual({ A: { berlin: 5 } });
  });

  it('refuses malformed lines and availability', () => {
    expect(() => allocate([line('l1', 'A', 0)], {})).toThrow(ValidationFailed);
    expect(() => allocate([line('l1', 'A', 1), line('l1', 'B', 1)], {})).toThrow(ValidationFailed);
    expect(() => allocate([line('l1', 'A@B', 1)], {})).toThrow(ValidationFailed);
    expect(() => allocate([line('l1', 'A', 1)], { A: { berlin: 0.5 } })).toThrow(ValidationFailed);
  });

  it('allocates an empty order to nothing', () => {
    expect(allocate([], {})).toEqual({ ok: true, strategy: 'single-location-first', lines: [] });
  });
});

describe('registry', () => {
  it('lets configuration pick a strategy by name', () => {
    expect(allocationStrategyNames).toEqual(['single-location-first', 'split-greedy']);
    expect(defaultAllocationStrategy).toBe('single-location-first');
    expect(isAllocationStrategyName('split-greedy')).toBe(true);
    expect(isAllocationStrategyName('constructor')).toBe(false);
    expect(isAllocationStrategyName('random')).toBe(false);
  });
});
