import { assertNever } from '../assert-never.ts';
import { ValidationFailed } from '../errors.ts';
import { requireKey } from '../validation.ts';
import type { InventoryCommand } from './commands.ts';
import type { InventoryEvent } from './events.ts';
import { withFills } from './backorders.ts';
import { holdStock, releaseHold } from './holds.ts';
import { fillBackorder, releaseReservation, reserveStock, shipStock } from './reservations.ts';
import { levels, type StockLevels, type StockState } from './state.ts';
import {
  adjustStock,
  receiveStock,
  returnStock,
  setThreshold,
  transferIn,
  transferOut,
} from './stock-levels.ts';

export function decideStock(command: InventoryCommand, state: StockState): InventoryEvent[] {
  const s = stream(command, state);
  switch (command.type) {
    // Arrivals fill the waiting backorders, oldest first, in the same append (backorders.ts).
    case 'ReceiveStock':
      return withFills(s, receiveStock(command));
    case 'AdjustStock':
      return adjustStock(command, s);
    case 'ReserveStock':
      return reserveStock(command, s);
    case 'FillBackorder':
      return fillBackorder(command, s);
    case 'ReleaseReservation':
      return releaseReservation(command, s);
    case 'ShipStock':
      return shipStock(command, s);
    case 'TransferStockOut':
      return transferOut(command, s);
    case 'TransferStockIn':
      return withFills(s, transferIn(command, s));
    case 'SetLowStockThreshold':
      return setThreshold(command, s);
    case 'ReturnStock':
      return withFills(s, returnStock(command));
    case 'HoldStock':
      return holdStock(command, s);
    case 'ReleaseHold':
      return releaseHold(command, s);
    default:
      return assertNever(command);
  }
}

/** A command loaded against another SKU's stream would corrupt both; refuse it outright. */
function stream(command: InventoryCommand, state: StockState): StockLevels {
  const { sku, location } = command.data;
  requireKey('sku', sku);
  requireKey('location', location);
  const s = levels(state, sku, location);
  if (s.sku !== sku || s.location !== location) {
    throw new ValidationFailed('sku', `does not belong to stream ${s.sku}@${s.location}`);
  }
  return s;
}
