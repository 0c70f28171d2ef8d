import type { TaxRegion, TaxRounding } from './events.ts';

/** Regions by id, and the rounding: per line (half away from zero) until a shop says otherwise. */
export type TaxState = { regions: Readonly<Record<string, TaxRegion>>; rounding: TaxRounding };

export const initialTaxState = (): TaxState => ({ regions: {}, rounding: 'line' });
