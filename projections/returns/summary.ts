import { assertNever } from '../../domain/assert-never.ts';
import type { ReturnEvent } from '../../domain/returns/events.ts';
import { formatMoney } from '../orders/summary.ts';

const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

/** The timeline's one-line human account of a return event (no free text: it may be personal). */
export function summarizeReturn(event: ReturnEvent): string {
  switch (event.type) {
    case 'ReturnRequested': {
      const count = event.data.lines.reduce((sum, line) => sum + line.quantity, 0);
      const by = event.data.openedBy === 'staff' ? ' (opened by staff)' : '';
      return `Return ${event.data.returnId} requested: ${items(count)}, reason ${event.data.reason}${by}`;
    }
    case 'ReturnAuthorized': {
      const { rmaNumber, label } = event.data;
      const how = label ? `label ${label.carrier} ${label.trackingNumber}` : 'instructions sent';
      return `Return ${event.data.returnId} authorized as ${rmaNumber}: ${how}`;
    }
    case 'ReturnRejected':
      return `Return ${event.data.returnId} rejected: ${event.data.reason}`;
    case 'ReturnReceived': {
      const count = (disposition: 'restock' | 'write_off') =>
        event.data.lines
          .filter((line) => line.disposition === disposition)
          .reduce((sum, line) => sum + line.quantity, 0);
      return `Return ${event.data.returnId} received at ${event.data.location}: ${count('restock')} restocked, ${count('write_off')} written off`;
    }
    case 'ReturnRefunded': {
      const { amount, currency, capped } = event.data;
      const cut = capped ? ' (cut to what the order had left to refund)' : '';
      return `Refund of ${formatMoney({ amount, currency })} for return ${event.data.returnId}${cut}`;
    }
    default:
      return assertNever(event);
  }
}
