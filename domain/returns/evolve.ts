import { assertNever } from '../assert-never.ts';
import type { ReturnEvent } from './events.ts';
import { isFullyReceived, type ReturnState } from './state.ts';

/** Never refuses: an event is history. One that cannot apply leaves the state as it is. */
export function evolveReturn(state: ReturnState, event: ReturnEvent): ReturnState {
  if (event.type === 'ReturnRequested') {
    if (state.status !== 'none') return state;
    return { status: 'requested', ...event.data, rmaNumber: null, label: null, receipts: [], refunds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReturnAuthorized':
      return { ...state, status: 'authorized', rmaNumber: event.data.rmaNumber, label: event.data.label };
    case 'ReturnRejected':
      return { ...state, status: 'rejected' };
    case 'ReturnReceived': {
      const { receiptId, location, lines } = event.data;
      const next = { ...state, receipts: [...state.receipts, { receiptId, location, lines }] };
      return { ...next, status: isFullyReceived(next) ? 'received' : 'partially_received' };
    }
    case 'ReturnRefunded': {
      const { refundKey, refundId, amount } = event.data;
      return { ...state, refunds: [...state.refunds, { refundKey, refundId, amount }] };
    }
    default:
      return assertNever(event);
  }
}
