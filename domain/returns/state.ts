import type { ReceivedLine, ReturnLabel, ReturnRequested } from './events.ts';

export type ReturnStatus = 'requested' | 'rejected' | 'authorized' | 'partially_received' | 'received';

export type ReturnData = ReturnRequested['data'] & {
  rmaNumber: string | null;
  label: ReturnLabel | null;
  receipts: { receiptId: string; location: string; lines: ReceivedLine[] }[];
  refunds: { refundKey: string; refundId: string; amount: number }[];
};

export type ReturnState = { status: 'none' } | (ReturnData & { status: ReturnStatus });
export type ExistingReturn = Exclude<ReturnState, { status: 'none' }>;

export const initialReturnState = (): ReturnState => ({ status: 'none' });

export function receivedQuantity(state: ReturnData, lineId: string): number {
  let total = 0;
  for (const receipt of state.receipts)
    for (const line of receipt.lines) if (line.lineId === lineId) total += line.quantity;
  return total;
}

export function isFullyReceived(state: ReturnData): boolean {
  return state.lines.every((line) => receivedQuantity(state, line.lineId) >= line.quantity);
}

export const refundedTotal = (state: ReturnData): number =>
  state.refunds.reduce((sum, r) => sum + r.amount, 0);
