import { EVENT_TYPE, STREAM_NAME, type Filter } from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { exactAlternatives, isSystemEvent, planFilter } from './filters.ts';

const regexOf = (filter: Filter) => ('regex' in filter ? new RegExp(filter.regex) : null);

describe('planFilter on the server', () => {
  it('filters stream names by category prefixes, dash included, when categories are given', () => {
    const plan = planFilter({ categories: ['order', 'stock'], eventTypes: ['OrderPlaced'] });
    expect(plan.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['order-', 'stock-'] });
    expect(plan.matchesNothing).toBe(false);
  });

  it('filters event types by an exact regex when only types are given', () => {
    const plan = planFilter({ eventTypes: ['StockReserved', 'Price.Changed'] });
    expect(plan.server.filterOn).toBe(EVENT_TYPE);
    const regex = regexOf(plan.server)!;
    expect(regex.test('StockReserved')).toBe(true);
    expect(regex.test('Price.Changed')).toBe(true);
    expect(regex.test('StockReservedV2')).toBe(false);
    expect(regex.test('PriceXChanged')).toBe(false);
    expect(regex.test('$metadata')).toBe(false);
  });

  it('excludes $ event types when nothing is filtered', () => {
    const plan = planFilter();
    expect(plan.server.filterOn).toBe(EVENT_TYPE);
    const regex = regexOf(plan.server)!;
    expect(regex.test('OrderPlaced')).toBe(true);
    expect(regex.test('$>')).toBe(false);
    expect(regex.test('$metadata')).toBe(false);
  });

  it('matches nothing for an empty list, as the SQL backends do', () => {
    for (const filter of [
      { categories: [] },
      { eventTypes: [] },
      { categories: ['order'], eventTypes: [] },
    ]) {
      const plan = planFilter(filter);
      expect(plan.matchesNothing).toBe(true);
      expect(plan.accepts({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(false);
      expect(regexOf(plan.server)!.test('order-1')).toBe(false);
    }
  });
});

describe('planFilter on the client', () => {
  it('checks both parts, since the server applies only one', () => {
    const plan = planFilter({ categories: ['order'], eventTypes: ['OrderPlaced'] });
    expect(plan.accepts({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(true);
    expect(plan.accepts({ streamId: 'order-1', type: 'OrderShipped' })).toBe(false);
    expect(plan.accepts({ streamId: 'orders-1', type: 'OrderPlaced' })).toBe(false);
    expect(plan.accepts({ streamId: 'stock-SKU-1@berlin', type: 'OrderPlaced' })).toBe(false);
  });

  it('matches the category before the first dash only', () => {
    const plan = planFilter({ categories: ['stock'] });
    expect(plan.accepts({ streamId: 'stock-SKU-1@berlin', type: 'StockReserved' })).toBe(true);
    expect(plan.accepts({ streamId: 'product-stock-1', type: 'StockReserved' })).toBe(false);
  });

  it('drops system events even when the server filter lets them through', () => {
    const plan = planFilter();
    expect(plan.accepts({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(true);
    // A projection writes ordinary types into $ streams: the event-type regex alone lets them in.
    expect(plan.accepts({ streamId: '$projections-x-result', type: 'Result' })).toBe(false);
    expect(plan.accepts({ streamId: 'order-1', type: '$streamDeleted' })).toBe(false);
  });
});

describe('isSystemEvent', () => {
  it('is true for $ streams and $ types', () => {
    expect(isSystemEvent({ streamId: '$ce-order', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$order-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'order-1', type: 'OrderPlaced' })).toBe(false);
  });
});

describe('exactAlternatives', () => {
  it('takes every name literally', () => {
    const regex = new RegExp(exactAlternatives(['a.b', 'c+d']));
    expect(regex.test('a.b')).toBe(true);
    expect(regex.test('axb')).toBe(false);
    expect(regex.test('c+d')).toBe(true);
    expect(regex.test('ccd')).toBe(false);
  });
});
