import { expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.ts';

it.each([
  [0.5, 0],
  [0.9, 1.2815516],
  [0.95, 1.6448536],
  [0.975, 1.959964],
  [0.99, 2.3263479],
  [0.999, 3.0902323],
  [0.01, -2.3263479],
])('Φ⁻¹(%s) = %s', (p, z) => {
  expect(normalQuantile(p)).toBeCloseTo(z, 6);
});

it('refuses probabilities that have no quantile', () => {
  expect(() => normalQuantile(1)).toThrow(RangeError);
  expect(() => normalQuantile(0)).toThrow(RangeError);
});
