import type { SeededRandom } from './seeded-random.ts';

export type HistoryClass = 'trend' | 'seasonal' | 'intermittent';
export const historyClasses: readonly HistoryClass[] = ['trend', 'seasonal', 'intermittent'];

/**
 * Daily unit demand with a known shape, for backtests:
 * - trend: a level of 15–30 a day growing 0.05–0.2 a day, normal noise (σ 2–5);
 * - seasonal: 20–40 a day shaped by a weekday profile (weekends up to 1.8×), no trend, noise σ 2–5;
 * - intermittent: demand on 15–40% of days, each 1 + Poisson(1–4) units.
 * Whole units, never negative.
 */
export function syntheticDemand(kind: HistoryClass, days: number, random: SeededRandom): number[] {
  const uniform = (low: number, high: number) => low + (high - low) * random.next();
  const units = (y: number) => Math.max(0, Math.round(y));
  switch (kind) {
    case 'trend': {
      const level = uniform(15, 30);
      const slope = uniform(0.05, 0.2);
      const sd = uniform(2, 5);
      return Array.from({ length: days }, (_, t) => units(level + slope * t + random.normal(0, sd)));
    }
    case 'seasonal': {
      const base = uniform(20, 40);
      const lift = uniform(0.3, 0.8);
      const weekday = [0.8, 0.85, 0.9, 1, 1.1, 1 + lift, 1 + lift * 0.9].map((f) => f * base);
      const offset = Math.floor(uniform(0, 7));
      const sd = uniform(2, 5);
      return Array.from({ length: days }, (_, t) => units(weekday[(t + offset) % 7]! + random.normal(0, sd)));
    }
    case 'intermittent': {
      const p = uniform(0.15, 0.4);
      const lambda = uniform(1, 4);
      return Array.from({ length: days }, () => (random.next() < p ? 1 + random.poisson(lambda) : 0));
    }
  }
}
