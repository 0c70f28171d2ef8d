import type { OrderLine } from './events.ts';
import { exchangesOf, type OrderData } from './state.ts';

/**
 * What an order line was paid, from what the order recorded: the price pipeline records
 * discounts per SKU (`lineAmounts`) and tax per SKU line (`taxDetail.lines`), not on the line, so
 * exchanges and returns both read a line's shares here.
 */

/** The line's units not exchanged yet: what its discount and tax shares are prorated over now. */
export function unitsLeft(order: OrderData, line: OrderLine): number {
  const exchanged = exchangesOf(order)
    .filter((e) => e.lineId === line.lineId)
    .reduce((total, e) => total + e.quantity, 0);
  return line.quantity - exchanged;
}

/** Discounts are given by SKU: they belong to the first line of it (a replacement got none). */
export const firstOfSku = (order: OrderData, line: OrderLine): boolean =>
  order.lines.find((l) => l.sku === line.sku) === line;

/**
 * The tax detail's line of an order line (null where the order's tax is unknown). Tax lines are
 * by SKU, in the order of the lines: a SKU's n-th line has its n-th tax line (an exchange's
 * replacement of a SKU already on the order gets the next one).
 */
export function taxLineOf(order: OrderData, line: OrderLine) {
  const { taxDetail } = order.totals;
  if (!taxDetail.known) return null;
  const nth = order.lines.filter((l) => l.sku === line.sku).indexOf(line);
  return taxDetail.lines.filter((l) => l.sku === line.sku)[nth] ?? null;
}

/**
 * The whole line as paid, in minor units: `paid` its total less every discount it got, `tax` the
 * tax added on top of it (0 where prices held the tax, as EU prices do, or where the order's tax
 * is unknown: `paid` then holds all there was). What a return of the line's units refunds, prorated.
 */
export function linePaid(order: OrderData, line: OrderLine): { paid: number; tax: number } {
  const { discounts, taxDetail } = order.totals;
  const discount = firstOfSku(order, line)
    ? discounts.reduce(
        (sum, d) => sum + (d.lineAmounts.find((l) => l.sku === line.sku)?.amount.amount ?? 0),
        0,
      )
    : 0;
  const onTop = taxDetail.known && !taxDetail.included;
  return {
    paid: line.lineTotal.amount - discount,
    tax: onTop ? (taxLineOf(order, line)?.tax.amount ?? 0) : 0,
  };
}
