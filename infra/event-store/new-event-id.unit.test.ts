import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newEventId } from './new-event-id.ts';

describe('newEventId', () => {
  it('makes valid UUIDv7s, unique and sorting in the order they were made, many per millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => newEventId());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    for (const id of [ids[0]!, ids[25_000]!, ids.at(-1)!]) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      expect('89ab').toContain(id[19]);
    }
    // Far more ids than milliseconds passed: the counter, not the clock, ordered most of them.
    const millis = new Set(ids.map((id) => id.slice(0, 13)));
    expect(millis.size).toBeLessThan(ids.length);
  });
});
