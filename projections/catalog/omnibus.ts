/**
 * EU Omnibus Directive (2019/2161, art. 6a): a price reduction must be shown against the lowest
 * price applied during the 30 days before the reduction. Here: the lowest of the prices in effect
 * at any moment of the 30 days before the current price took effect (the current one excluded),
 * or, for a promotion, before the promotion's reduction began (`lowestPriceBefore`).
 */
export const OMNIBUS_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** One price a product had, from `at` until the next entry's `at`. */
export type PriceEntry = { amount: number; at: string };

/**
 * The lowest price in effect during the 30 days before `entries[index]` took effect, or null when
 * no earlier price was in effect then. `entries` are in the order they were applied.
 */
export function lowestPriorPrice(entries: readonly PriceEntry[], index: number): number | null {
  const current = entries[index];
  if (current === undefined) return null;
  return lowestInWindow(entries, index, Date.parse(current.at));
}

/**
 * The lowest price in effect during the 30 days before `at` (a promotion's start), or null when
 * the product had no price then (it was created at or after `at`). A price set before the window
 * counts while it was still in effect inside it; one set at or after `at` does not count, and
 * neither do the days before the product existed: a product created 10 days before `at` is judged
 * on those 10 days.
 */
export function lowestPriceBefore(entries: readonly PriceEntry[], at: string): number | null {
  const end = Date.parse(at);
  const before = entries.findIndex((entry) => Date.parse(entry.at) >= end);
  return lowestInWindow(entries, before === -1 ? entries.length : before, end);
}

/** The lowest of `entries[0..count)` in effect at some moment of the 30 days before `end`. */
function lowestInWindow(entries: readonly PriceEntry[], count: number, end: number): number | null {
  const windowStart = end - OMNIBUS_WINDOW_MS;
  let lowest: number | null = null;
  for (let i = 0; i < count; i += 1) {
    const entry = entries[i]!;
    const next = entries[i + 1];
    // In effect during [entry.at, next.at): it counts if that interval reaches into the window.
    if (next !== undefined && Date.parse(next.at) <= windowStart) continue;
    if (lowest === null || entry.amount < lowest) lowest = entry.amount;
  }
  return lowest;
}
