import { computeTax, type TaxState } from '../../domain/tax/index.ts';
import type { TaxProvider } from '../../ports/tax.ts';

/**
 * The built-in adapter of the tax port: the shop's own table of regions and rates, as the
 * `tax-shop` stream holds it (`domain/tax/compute.ts`: per line or per total rounding, half away
 * from zero, inclusive or exclusive regions).
 */
export function tableTaxProvider(table: TaxState): TaxProvider {
  return {
    name: 'table',
    calculate: (query) => Promise.resolve(computeTax(table, query.address, query.lines, query.shipping)),
  };
}
