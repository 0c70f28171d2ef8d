import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { InsufficientStock } from './errors.ts';
import {
  requireKey,
  requireLength,
  requireNonNegativeInt,
  requireOneOf,
  requirePositiveInt,
} from '../validation.ts';
import type {
  AdjustStock,
  ReceiveStock,
  ReturnStock,
  SetLowStockThreshold,
  TransferStockIn,
  TransferStockOut,
} from './commands.ts';
import { adjustmentReasons, type InventoryEvent } from './events.ts';
import { freeOf, type StockLevels } from './state.ts';

export function receiveStock({ data }: ReceiveStock): InventoryEvent[] {
  requirePositiveInt('quantity', data.quantity);
  if (data.reference !== null) requireLength('reference', data.reference, 200);
  const { sku, location, quantity, reference } = data;
  return [{ type: 'StockReceived', data: { sku, location, quantity, reference } }];
}

/**
 * A return's units back on hand, and the written-off part of them adjusted away in the same
 * decision, so the written-off units never show as available in between.
 */
export function returnStock({ data }: ReturnStock): InventoryEvent[] {
  const { sku, location, orderId, returnId, quantity, writeOffs } = data;
  requireKey('orderId', orderId);
  requireKey('returnId', returnId);
  requirePositiveInt('quantity', quantity);
  let writtenOff = 0;
  const adjustments = writeOffs.map(({ quantity: units, reason, note }, i): InventoryEvent => {
    requirePositiveInt(`writeOffs[${i}].quantity`, units);
    if (reason !== 'damage' && reason !== 'loss')
      throw new ValidationFailed(`writeOffs[${i}].reason`, 'must be damage or loss');
    if (note !== null) requireLength(`writeOffs[${i}].note`, note, 500);
    writtenOff += units;
    return { type: 'StockAdjusted', data: { sku, location, delta: -units, reason, note } };
  });
  if (writtenOff > quantity) throw new ValidationFailed('writeOffs', 'cannot write off more than came back');
  return [{ type: 'StockReturned', data: { sku, location, orderId, returnId, quantity } }, ...adjustments];
}

export function adjustStock({ data }: AdjustStock, s: StockLevels): InventoryEvent[] {
  const { sku, location, delta, reason, note } = data;
  requireOneOf('reason', reason, adjustmentReasons);
  if (!Number.isSafeInteger(delta) || delta === 0)
    throw new ValidationFailed('delta', 'must be a non-zero integer');
  if ((reason === 'damage' || reason === 'loss') && delta > 0) {
    throw new ValidationFailed('delta', `must be negative for ${reason}`);
  }
  if (reason === 'found' && delta < 0) throw new ValidationFailed('delta', 'must be positive for found');
  if (note !== null) requireLength('note', note, 500);
  if (delta < 0) requireAvailable(s, -delta);
  return [{ type: 'StockAdjusted', data: { sku, location, delta, reason, note } }];
}

export function transferOut({ data }: TransferStockOut, s: StockLevels): InventoryEvent[] {
  const { sku, location, transferId, quantity, toLocation } = data;
  requireTransfer(s, transferId, quantity);
  requireKey('toLocation', toLocation);
  if (toLocation === location) throw new ValidationFailed('toLocation', 'must differ from the location');
  requireAvailable(s, quantity);
  return [{ type: 'StockTransferredOut', data: { sku, location, transferId, quantity, toLocation } }];
}

export function transferIn({ data }: TransferStockIn, s: StockLevels): InventoryEvent[] {
  const { sku, location, transferId, quantity, fromLocation } = data;
  requireTransfer(s, transferId, quantity);
  requireKey('fromLocation', fromLocation);
  if (fromLocation === location) throw new ValidationFailed('fromLocation', 'must differ from the location');
  return [{ type: 'StockTransferredIn', data: { sku, location, transferId, quantity, fromLocation } }];
}

export function setThreshold({ data }: SetLowStockThreshold, s: StockLevels): InventoryEvent[] {
  const { sku, location, threshold } = data;
  requireNonNegativeInt('threshold', threshold);
  if (threshold === s.threshold) {
    throw new NoChange({ aggregate: 'stock', id: `${sku}@${location}`, field: 'threshold' });
  }
  return [{ type: 'LowStockThresholdSet', data: { sku, location, threshold, previous: s.threshold } }];
}

/** Stock may only leave from what is not reserved or held: both are promises to customers. */
export function requireAvailable(s: StockLevels, requested: number): void {
  const available = freeOf(s);
  if (requested > available) {
    throw new InsufficientStock({ sku: s.sku, location: s.location, requested, available });
  }
}

function requireTransfer(s: StockLevels, transferId: string, quantity: number): void {
  requireKey('transferId', transferId);
  requirePositiveInt('quantity', quantity);
  if (s.transferIds.includes(transferId)) throw new AlreadyExists({ aggregate: 'transfer', id: transferId });
}
