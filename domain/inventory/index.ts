import type { Decider } from '../decider.ts';
import type { InventoryCommand } from './commands.ts';
import { decideStock } from './decide.ts';
import type { InventoryEvent } from './events.ts';
import { evolveStock } from './evolve.ts';
import { initialStockState, type StockState } from './state.ts';

export type * from './commands.ts';
export type * from './events.ts';
export type * from './state.ts';
export {
  adjustmentReasons,
  holdReleaseReasons,
  inventoryEventTypes,
  isInventoryEvent,
  releaseReasons,
} from './events.ts';
export { available, cartHoldOf, freeOf, holderHeld, holdOf, holdsByOrder, isLowStock } from './state.ts';
export * from './allocate.ts';
export { reserveWhereHeld } from './reserve-where-held.ts';
export { countsOf, evolveStockCounts, type StockCounts } from './stock-counts.ts';

/** Stream `stock-{sku}@{location}` (see `stockStream`): one per SKU and location, so locations never contend. */
export const stockDecider: Decider<InventoryCommand, InventoryEvent, StockState> = {
  decide: decideStock,
  evolve: evolveStock,
  initialState: initialStockState,
};
