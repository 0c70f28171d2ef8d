import { describe, expect, it } from 'vitest';
import { reserveWhereHeld } from './reserve-where-held.ts';

const line = {
  lineId: 'l1',
  sku: 'MUG',
  quantity: 3,
  allocations: [{ location: 'berlin', quantity: 3 }],
  backordered: 0,
};

describe('reserveWhereHeld', () => {
  it('reserves a line its cart holds whole where it is held, over the strategy’s pick', () => {
    const held = [
      { location: 'hamburg', quantity: 2 },
      { location: 'munich', quantity: 1 },
    ];
    expect(reserveWhereHeld(line, held)).toEqual({ ...line, allocations: held });
  });
  it('keeps the strategy’s allocation without a hold, with a partial one, or with a backorder', () => {
    expect(reserveWhereHeld(line, [])).toBe(line);
    expect(reserveWhereHeld(line, [{ location: 'hamburg', quantity: 2 }])).toBe(line);
    expect(reserveWhereHeld(line, [{ location: 'hamburg', quantity: 4 }])).toBe(line);
    const backordered = { ...line, backordered: 1 };
    expect(reserveWhereHeld(backordered, [{ location: 'hamburg', quantity: 3 }])).toBe(backordered);
  });
});
