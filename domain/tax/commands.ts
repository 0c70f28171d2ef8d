import type { TaxRegion, TaxRounding } from './events.ts';

export type SetTaxRegion = { type: 'SetTaxRegion'; data: { region: TaxRegion } };
export type RemoveTaxRegion = { type: 'RemoveTaxRegion'; data: { regionId: string } };
export type SetTaxRounding = { type: 'SetTaxRounding'; data: { rounding: TaxRounding } };

export type TaxCommand = SetTaxRegion | RemoveTaxRegion | SetTaxRounding;
