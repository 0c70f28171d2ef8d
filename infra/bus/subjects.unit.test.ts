import { describe, expect, it } from 'vitest';
import { eventSubject, subjectFilter } from './subjects.ts';

describe('subjectFilter', () => {
  const matches = subjectFilter(['events.order.>', 'events.*.StockHeld', 'events.privacy.CustomerErased']);

  it('takes `>` as one or more tokens and `*` as exactly one', () => {
    expect(matches('events.order.OrderPlaced')).toBe(true);
    expect(matches('events.order.a.b')).toBe(true);
    expect(matches('events.order')).toBe(false);
    expect(matches('events.stock.StockHeld')).toBe(true);
    expect(matches('events.stock.StockReserved')).toBe(false);
    expect(matches('events.stock.x.StockHeld')).toBe(false);
  });

  it('matches literal filters token by token', () => {
    expect(matches('events.privacy.CustomerErased')).toBe(true);
    expect(matches('events.privacy.CustomerErasedLater')).toBe(false);
    expect(matches('events.privacy.CustomerErased.x')).toBe(false);
    expect(matches('other.order.OrderPlaced')).toBe(false);
  });

  it("refuses a cart event to a consumer that names none of the cart's subjects", () => {
    expect(matches(eventSubject('events', { stream: 'cart-1', type: 'CartCreated' }))).toBe(false);
  });

  it('matches nothing without filters', () => {
    expect(subjectFilter([])('events.order.OrderPlaced')).toBe(false);
  });
});
