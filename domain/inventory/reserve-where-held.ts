import type { AllocatedLine, Allocation } from './allocation-strategies.ts';

/**
 * A checkout's line reserved where its cart holds it: when the cart's holds of the line's SKU add
 * up to the line, those locations and quantities are its allocation, and each hold becomes the
 * reservation in place. The strategy's allocation (`line`) stands otherwise: no hold, a partial
 * one, or a backorder.
 *
 * Why: the stock moves between checkout's start and its end, so allocating the line afresh could
 * pick another location than the hold's. The order then released the hold there and reserved
 * elsewhere: an extra event, and a second hot stock stream in the checkout's append.
 */
export function reserveWhereHeld(line: AllocatedLine, held: readonly Allocation[]): AllocatedLine {
  const total = held.reduce((sum, hold) => sum + hold.quantity, 0);
  if (line.backordered > 0 || total !== line.quantity) return line;
  return { ...line, allocations: held.filter((hold) => hold.quantity > 0).map((hold) => ({ ...hold })) };
}
