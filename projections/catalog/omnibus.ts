/**
 * EU Omnibus Directive (2019/2161, art. 6a): a price reduction must be shown against the lowest
 * price applied during the 30 days before the reduction. Here: the lowest of the prices in effect
 * at any moment of the 30 days before the current price took effect (the current one excluded).
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
  const windowStart = Date.parse(current.at) - OMNIBUS_WINDOW_MS;
  let lowest: number | null = null;
  for (let i = 0; i < index; i += 1) {
    const entry = entries[i]!;
    const until = Date.parse(entries[i + 1]!.at);
    // In effect during [entry.at, until): it counts if that interval reaches into the window.
    if (until <= windowStart) continue;
    if (lowest === null || entry.amount < lowest) lowest = entry.amount;
  }
  return lowest;
}
