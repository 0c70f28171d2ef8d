import { describe, expect, it } from 'vitest';
import { ValidationFailed } from './errors.ts';
import { isPlainJson } from './json.ts';
import { parseStockStream, stockStream } from './streams.ts';
import { requireIsoTime, requireKey, requireUnique } from './validation.ts';

describe('requireIsoTime', () => {
  it.each(['2025-01-31T10:00:00Z', '2024-02-29T23:59:59.123+02:00', '2025-06-01T00:00:00.123456Z'])(
    'accepts %s',
    (value) => {
      expect(requireIsoTime('at', value)).toBe(value);
    },
  );

  it.each([
    '2025-02-29T00:00:00Z',
    '2025-01-31T10:00:00',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    'soon',
  ])('refuses %s', (value) => {
    expect(() => requireIsoTime('at', value)).toThrow(ValidationFailed);
  });
});

describe('requireKey', () => {
  it.each(['SKU-1', 'a.b_c~d:e+f=g', '0192f0c4-7b3a-7000-8000-000000000000'])('accepts %s', (key) => {
    expect(requireKey('id', key)).toBe(key);
  });

  it.each(['', 'a b', 'a@b', 'a/b', 'x'.repeat(65)])('refuses %j', (key) => {
    expect(() => requireKey('id', key)).toThrow(ValidationFailed);
  });
});

describe('requireUnique', () => {
  it('names the first repeat', () => {
    expect(() => requireUnique('lines', ['a', 'b', 'a'])).toThrow(
      expect.objectContaining({ details: { field: 'lines[2]', reason: 'repeats a' } }),
    );
  });
});

describe('stock streams', () => {
  it('round-trips sku and location', () => {
    expect(parseStockStream(stockStream('MUG-RED', 'berlin'))).toEqual({
      sku: 'MUG-RED',
      location: 'berlin',
    });
    expect(parseStockStream('order-1')).toBeNull();
  });
});

describe('isPlainJson', () => {
  it('accepts plain values and refuses what JSON would change', () => {
    expect(isPlainJson({ a: [1, 'x', null, true, { b: 2 }] })).toBe(true);
    expect(isPlainJson(Object.create(null))).toBe(true);
    for (const bad of [
      undefined,
      { a: undefined },
      Number.NaN,
      new Date(0),
      1n,
      () => 1,
      Symbol('x'),
      [Infinity],
    ]) {
      expect(isPlainJson(bad)).toBe(false);
    }
  });
});
