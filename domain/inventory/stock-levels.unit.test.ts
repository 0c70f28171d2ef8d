import { describe, expect, it } from 'vitest';
import { AlreadyExists, NoChange, ValidationFailed } from '../errors.ts';
import { InsufficientStock } from './errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { available, isLowStock, stockDecider, type InventoryEvent } from './index.ts';

const given = specFor(stockDecider);
const at = { sku: 'MUG', location: 'berlin' } as const;

const received = (quantity: number): InventoryEvent => ({
  type: 'StockReceived',
  data: { ...at, quantity, reference: null },
});
const reserved = (orderId: string, quantity: number): InventoryEvent => ({
  type: 'StockReserved',
  data: { ...at, orderId, quantity, expiresAt: '2025-01-01T00:15:00Z' },
});

describe('ReceiveStock', () => {
  it('receives into an untracked stream', () => {
    const state = given([])
      .when({ type: 'ReceiveStock', data: { ...at, quantity: 10, reference: 'PO-7' } })
      .then([{ type: 'StockReceived', data: { ...at, quantity: 10, reference: 'PO-7' } }]);
    expect(available(state)).toBe(10);
  });

  it.each([0, -1, 1.5])('refuses quantity %s', (quantity) => {
    given([])
      .when({ type: 'ReceiveStock', data: { ...at, quantity, reference: null } })
      .thenThrows(ValidationFailed, { field: 'quantity' });
  });

  it('refuses an over-long reference', () => {
    given([])
      .when({ type: 'ReceiveStock', data: { ...at, quantity: 1, reference: 'x'.repeat(201) } })
      .thenThrows(ValidationFailed, { field: 'reference' });
  });

  it('refuses a SKU that cannot name a stream', () => {
    given([])
      .when({ type: 'ReceiveStock', data: { ...at, sku: 'A@B', quantity: 1, reference: null } })
      .thenThrows(ValidationFailed, { field: 'sku' });
  });

  it("refuses a command for another stream's SKU or location", () => {
    given([received(1)])
      .when({ type: 'ReceiveStock', data: { sku: 'CUP', location: 'berlin', quantity: 1, reference: null } })
      .thenThrows(ValidationFailed, { field: 'sku' });
    given([received(1)])
      .when({ type: 'ReceiveStock', data: { sku: 'MUG', location: 'paris', quantity: 1, reference: null } })
      .thenThrows(ValidationFailed, { field: 'sku' });
  });
});

describe('AdjustStock', () => {
  const adjust = (delta: number, reason: 'count' | 'damage' | 'loss' | 'found') =>
    ({ type: 'AdjustStock', data: { ...at, delta, reason, note: null } }) as const;

  it.each([
    [-2, 'damage'],
    [-1, 'loss'],
    [3, 'found'],
    [-4, 'count'],
    [4, 'count'],
  ] as const)('records %s for %s', (delta, reason) => {
    given([received(10)])
      .when(adjust(delta, reason))
      .then([{ type: 'StockAdjusted', data: { ...at, delta, reason, note: null } }]);
  });

  it('may take on-hand down to exactly what is reserved', () => {
    const state = given([received(10), reserved('o1', 6)])
      .when(adjust(-4, 'count'))
      .then([{ type: 'StockAdjusted', data: { ...at, delta: -4, reason: 'count', note: null } }]);
    expect(available(state)).toBe(0);
  });

  it('refuses to drive available below zero', () => {
    given([received(10), reserved('o1', 6)])
      .when(adjust(-5, 'loss'))
      .thenThrows(InsufficientStock, { ...at, requested: 5, available: 4 });
  });

  it('refuses a zero or fractional delta', () => {
    given([received(1)])
      .when(adjust(0, 'count'))
      .thenThrows(ValidationFailed, { field: 'delta' });
    given([received(1)])
      .when(adjust(0.5, 'count'))
      .thenThrows(ValidationFailed, { field: 'delta' });
  });

  it.each([
    [1, 'damage'],
    [1, 'loss'],
    [-1, 'found'],
  ] as const)('refuses delta %s for %s', (delta, reason) => {
    given([received(5)])
      .when(adjust(delta, reason))
      .thenThrows(ValidationFailed, { field: 'delta' });
  });

  it('refuses an unknown reason', () => {
    given([received(5)])
      .when(adjust(-1, 'theft' as never))
      .thenThrows(ValidationFailed, { field: 'reason' });
  });

  it('refuses an over-long note', () => {
    given([received(5)])
      .when({ type: 'AdjustStock', data: { ...at, delta: -1, reason: 'damage', note: 'x'.repeat(501) } })
      .thenThrows(ValidationFailed, { field: 'note' });
  });
});

describe('transfers', () => {
  const out = (quantity: number, transferId = 't1', toLocation = 'paris') =>
    ({ type: 'TransferStockOut', data: { ...at, transferId, quantity, toLocation } }) as const;
  const into = (quantity: number, transferId = 't1', fromLocation = 'paris') =>
    ({ type: 'TransferStockIn', data: { ...at, transferId, quantity, fromLocation } }) as const;

  it('transfers out of available stock', () => {
    given([received(5)])
      .when(out(5))
      .then([
        { type: 'StockTransferredOut', data: { ...at, transferId: 't1', quantity: 5, toLocation: 'paris' } },
      ]);
  });

  it('refuses to transfer out reserved stock', () => {
    given([received(5), reserved('o1', 2)])
      .when(out(4))
      .thenThrows(InsufficientStock, { requested: 4, available: 3 });
  });

  it('refuses to book a transfer twice', () => {
    given([
      received(5),
      { type: 'StockTransferredOut', data: { ...at, transferId: 't1', quantity: 1, toLocation: 'paris' } },
    ])
      .when(out(1))
      .thenThrows(AlreadyExists, { aggregate: 'transfer', id: 't1' });
    given([
      { type: 'StockTransferredIn', data: { ...at, transferId: 't1', quantity: 1, fromLocation: 'paris' } },
    ])
      .when(into(1))
      .thenThrows(AlreadyExists, { aggregate: 'transfer', id: 't1' });
  });

  it('refuses a transfer to or from the same location', () => {
    given([received(5)])
      .when(out(1, 't1', 'berlin'))
      .thenThrows(ValidationFailed, { field: 'toLocation' });
    given([])
      .when(into(1, 't1', 'berlin'))
      .thenThrows(ValidationFailed, { field: 'fromLocation' });
  });

  it('refuses a bad transfer id, location or quantity', () => {
    given([received(5)])
      .when(out(1, 'a b'))
      .thenThrows(ValidationFailed, { field: 'transferId' });
    given([received(5)])
      .when(out(0))
      .thenThrows(ValidationFailed, { field: 'quantity' });
    given([])
      .when(into(1, 't1', 'x@y'))
      .thenThrows(ValidationFailed, { field: 'fromLocation' });
  });

  it('transfers in', () => {
    const state = given([])
      .when(into(3))
      .then([
        { type: 'StockTransferredIn', data: { ...at, transferId: 't1', quantity: 3, fromLocation: 'paris' } },
      ]);
    expect(available(state)).toBe(3);
  });
});

describe('SetLowStockThreshold', () => {
  const set = (threshold: number) => ({ type: 'SetLowStockThreshold', data: { ...at, threshold } }) as const;

  it('sets the threshold, keeping the previous one', () => {
    const state = given([received(3)])
      .when(set(5))
      .then([{ type: 'LowStockThresholdSet', data: { ...at, threshold: 5, previous: null } }]);
    expect(isLowStock(state)).toBe(true);
    given([received(3), { type: 'LowStockThresholdSet', data: { ...at, threshold: 5, previous: null } }])
      .when(set(2))
      .then([{ type: 'LowStockThresholdSet', data: { ...at, threshold: 2, previous: 5 } }]);
  });

  it('refuses the same threshold', () => {
    given([{ type: 'LowStockThresholdSet', data: { ...at, threshold: 5, previous: null } }])
      .when(set(5))
      .thenThrows(NoChange, { field: 'threshold' });
  });

  it('refuses a negative threshold', () => {
    given([]).when(set(-1)).thenThrows(ValidationFailed, { field: 'threshold' });
  });

  it('is not low without a threshold', () => {
    expect(isLowStock(stockDecider.initialState())).toBe(false);
  });
});

describe('returned stock', () => {
  const spec = specFor(stockDecider);
  const returnStock = (
    quantity: number,
    writeOffs: { quantity: number; reason: 'damage' | 'loss' | 'count'; note: string | null }[],
  ) => ({
    type: 'ReturnStock' as const,
    data: { sku: 'S', location: 'L', orderId: 'o-1', returnId: 'r-1', quantity, writeOffs },
  });

  it('books returned units on hand and adjusts the written-off ones away in the same decision', () => {
    const state = spec([])
      .when(returnStock(3, [{ quantity: 1, reason: 'damage', note: 'cracked' }]))
      .then([
        {
          type: 'StockReturned',
          data: { sku: 'S', location: 'L', orderId: 'o-1', returnId: 'r-1', quantity: 3 },
        },
        {
          type: 'StockAdjusted',
          data: { sku: 'S', location: 'L', delta: -1, reason: 'damage', note: 'cracked' },
        },
      ]);
    expect(state.status === 'tracked' && state.onHand).toBe(2);
  });

  it('refuses to write off more than came back, or for a reason that adds stock', () => {
    spec([])
      .when(returnStock(1, [{ quantity: 2, reason: 'damage', note: null }]))
      .thenThrows(ValidationFailed, { field: 'writeOffs' });
    spec([])
      .when(returnStock(1, [{ quantity: 1, reason: 'count', note: null }]))
      .thenThrows(ValidationFailed, { field: 'writeOffs[0].reason' });
  });
});
