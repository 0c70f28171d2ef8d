/**
 * The tax port: what the price pipeline asks of whoever computes tax, and nothing more.
 *
 * Adapters: the built-in table (`commands/pricing/table-tax-provider.ts`, the default): the shop's
 * tax regions and rates from the `tax-shop` stream (`domain/tax/`). An outside service (Avalara,
 * TaxJar style) implements the same interface and is passed as `taxProvider` where the handlers are
 * built (`OrderDeps`); quotes, carts and placements then all ask it.
 *
 * Rules every adapter keeps:
 * - money in integer minor units of `currency`; rates in basis points;
 * - one answer line per query line, in the same order, with the same SKU; the line taxes plus the
 *   shipping tax make `total` (the pipeline refuses an answer that does not add up);
 * - the same query gives the same answer, so the quote a cart shows is the tax its order records;
 * - `included` true when the amounts already hold their tax (EU style), false when it comes on top;
 * - an adapter that cannot answer throws: the order is then not placed, never taxed on a guess.
 */
import type { Address } from '../domain/orders/events.ts';
import type { TaxableLine, TaxResult } from '../domain/tax/index.ts';

export interface TaxQuery {
  currency: string;
  /** Where the parcel goes (its region decides the rates). */
  address: Address;
  /** Each line after its discounts, with its product's tax class. */
  lines: readonly TaxableLine[];
  /** The shipping fee charged. */
  shipping: number;
  /** ISO time the order is priced for. */
  at: string;
}

export type TaxAnswer = TaxResult;

export interface TaxProvider {
  /** For logs and the order's record: `table`, `avalara`… */
  readonly name: string;
  calculate(query: TaxQuery): Promise<TaxAnswer>;
}
