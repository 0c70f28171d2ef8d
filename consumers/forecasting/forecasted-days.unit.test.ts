import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { changesHistory, forecastedDayMemo } from './forecasted-days.ts';

const DAY = 20_500;
const at = (day: number) => new Date(day * 86_400_000 + 3_600_000).toISOString();
const event = (type: string, day: number) =>
  ({ type, metadata: { occurredAt: at(day) } }) as unknown as RecordedEvent;

describe('forecasted days', () => {
  it('keeps a forecast through sales of its own day and stock movements', () => {
    expect(changesHistory(event('OrderPlaced', DAY), DAY)).toBe(false);
    expect(changesHistory(event('OrderPlaced', DAY + 1), DAY)).toBe(false);
    expect(changesHistory(event('StockReceived', DAY - 3), DAY)).toBe(false);
  });

  it('drops it for what changes the days before: a late sale, a cancellation, a refund, a policy', () => {
    expect(changesHistory(event('OrderPlaced', DAY - 1), DAY)).toBe(true);
    expect(changesHistory(event('OrderCancelled', DAY), DAY)).toBe(true);
    expect(changesHistory(event('RefundIssued', DAY), DAY)).toBe(true);
    expect(changesHistory(event('ReplenishmentPolicySet', DAY), DAY)).toBe(true);
  });

  it('has nothing to drop for a series never forecast', () => {
    expect(changesHistory(event('OrderCancelled', DAY), undefined)).toBe(false);
  });

  it('remembers a bounded number of series, forgetting the least recently set', () => {
    const memo = forecastedDayMemo(2);
    memo.set('a', DAY);
    memo.set('b', DAY);
    memo.set('a', DAY + 1);
    memo.set('c', DAY);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([DAY + 1, undefined, DAY]);
    memo.delete('a');
    expect(memo.get('a')).toBeUndefined();
  });
});
