import type { AppliedPrice, MassSelection, PriceChangeApplied, PriceTarget, SkippedPrice } from './events.ts';

/** `now` is the command's time: a scheduled change must lie in the future. */
export type SchedulePriceChange = {
  type: 'SchedulePriceChange';
  data: { changeId: string; effectiveAt: string; reason: string; prices: PriceTarget[]; now: string };
};
/** A mass change set now to take effect at `effectiveAt` (in the future), by the same scheduler. */
export type ScheduleMassPriceChange = {
  type: 'ScheduleMassPriceChange';
  data: { changeId: string; effectiveAt: string; reason: string; mass: MassSelection; now: string };
};
export type CancelPriceChange = { type: 'CancelPriceChange'; data: { changeId: string } };
/** Records what applying the change did; the products' `PriceChanged` go in the same append. */
export type RecordPriceChangeApplied = {
  type: 'RecordPriceChangeApplied';
  data: {
    changeId: string;
    reason: string;
    source: PriceChangeApplied['data']['source'];
    applied: AppliedPrice[];
    skipped: SkippedPrice[];
  };
};

export type PriceChangeCommand =
  SchedulePriceChange | ScheduleMassPriceChange | CancelPriceChange | RecordPriceChangeApplied;
