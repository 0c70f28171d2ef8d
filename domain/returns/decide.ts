import { assertNever } from '../assert-never.ts';
import { AlreadyExists, InvalidTransition, ValidationFailed } from '../errors.ts';
import { adjustmentReasons } from '../inventory/events.ts';
import {
  epochMillis,
  requireIsoTime,
  requireKey,
  requireLength,
  requireOneOf,
  requirePositiveInt,
  requireText,
  requireUnique,
} from '../validation.ts';
import type { ReceiveReturn, RecordReturnRefund, RequestReturn, ReturnCommand } from './commands.ts';
import {
  OrderNotDelivered,
  ReceiptExceedsRequested,
  RefundExceedsDue,
  ReturnExceedsDelivered,
  ReturnNotFound,
  ReturnWindowClosed,
} from './errors.ts';
import type { ReceivedLine, ReturnEvent, ReturnLine } from './events.ts';
import { refundDue } from './refund-due.ts';
import { receivedQuantity, type ExistingReturn, type ReturnState, type ReturnStatus } from './state.ts';

const DAY_MS = 86_400_000;
const MAX_PHOTOS = 10;

/** Which command may run from which status; anything else is an `InvalidTransition`. */
export const returnAllowedFrom: Record<
  Exclude<ReturnCommand['type'], 'RequestReturn'>,
  readonly ReturnStatus[]
> = {
  AuthorizeReturn: ['requested'],
  RejectReturn: ['requested'],
  ReceiveReturn: ['authorized', 'partially_received'],
  // Paid at authorization when the policy says so, else for each receipt.
  RecordReturnRefund: ['authorized', 'partially_received', 'received'],
};

export function decideReturn(command: ReturnCommand, state: ReturnState): ReturnEvent[] {
  if (command.type === 'RequestReturn') return requestReturn(command, state);
  const current = existing(command, state);
  const { returnId } = command.data;
  const { orderId } = current;
  switch (command.type) {
    case 'AuthorizeReturn': {
      const { rmaNumber, label, instructions, note } = command.data;
      requireText('rmaNumber', rmaNumber, 120);
      requireText('instructions', instructions, 2000);
      if (note !== null) requireLength('note', note, 1000);
      if (label !== null) {
        requireText('label.carrier', label.carrier, 100);
        requireText('label.trackingNumber', label.trackingNumber, 100);
        requireText('label.labelUrl', label.labelUrl, 2000);
      }
      return [
        { type: 'ReturnAuthorized', data: { returnId, orderId, rmaNumber, label, instructions, note } },
      ];
    }
    case 'RejectReturn':
      requireText('reason', command.data.reason, 1000);
      return [{ type: 'ReturnRejected', data: { returnId, orderId, reason: command.data.reason } }];
    case 'ReceiveReturn':
      return receiveReturn(command, current);
    case 'RecordReturnRefund':
      return recordRefund(command, current);
    default:
      return assertNever(command);
  }
}

function requestReturn({ data }: RequestReturn, state: ReturnState): ReturnEvent[] {
  const { returnId, orderId, customerId, currency, now, reason, note, photos } = data;
  requireKey('returnId', returnId);
  if (state.status !== 'none') throw new AlreadyExists({ aggregate: 'return', id: returnId });
  if (data.deliveredAt === null) throw new OrderNotDelivered({ orderId, status: data.orderStatus });
  const deliveredAt = requireIsoTime('deliveredAt', data.deliveredAt);
  requireOneOf('reason', reason, data.allowedReasons);
  if (note !== null) requireLength('note', note, 2000);
  if (photos.length > MAX_PHOTOS) throw new ValidationFailed('photos', `holds at most ${MAX_PHOTOS} URLs`);
  photos.forEach((url, i) => {
    requireLength(`photos[${i}]`, url, 2000);
    if (!/^https:\/\/[^\s]+$/.test(url)) throw new ValidationFailed(`photos[${i}]`, 'must be an https URL');
  });
  if (data.lines.length === 0) throw new ValidationFailed('lines', 'must not be empty');
  requireUnique(
    'lines',
    data.lines.map((l) => l.lineId),
  );
  const lines = data.lines.map(({ lineId, quantity }, i): ReturnLine => {
    requirePositiveInt(`lines[${i}].quantity`, quantity);
    const line = data.orderLines.find((l) => l.lineId === lineId);
    if (!line) throw new ValidationFailed(`lines[${i}].lineId`, 'is not a line of this order');
    if (line.alreadyReturned + quantity > line.delivered) {
      throw new ReturnExceedsDelivered({
        lineId,
        delivered: line.delivered,
        alreadyReturned: line.alreadyReturned,
        requested: quantity,
      });
    }
    const closedAt = epochMillis(deliveredAt) + line.windowDays * DAY_MS;
    if (epochMillis(now) > closedAt) {
      throw new ReturnWindowClosed({
        lineId,
        deliveredAt,
        windowDays: line.windowDays,
        closedAt: new Date(closedAt).toISOString(),
      });
    }
    const share = (amount: number) => Math.floor((amount * quantity) / line.quantity);
    return {
      lineId,
      sku: line.sku,
      quantity,
      amount: share(line.paid),
      tax: share(line.tax),
      windowDays: line.windowDays,
    };
  });
  // Shipping goes back only with the return that brings the last delivered unit of the order back.
  const everything = data.orderLines.every(
    (line) =>
      line.alreadyReturned + (data.lines.find((l) => l.lineId === line.lineId)?.quantity ?? 0) >=
      line.delivered,
  );
  return [
    {
      type: 'ReturnRequested',
      data: {
        returnId,
        orderId,
        customerId,
        currency,
        lines,
        reason,
        note,
        photos: [...photos],
        openedBy: data.openedBy,
        deliveredAt,
        shipping: everything ? data.refundableShipping : 0,
        restockingFeeBps: data.restockingFeeBps,
        refundOn: data.refundOn,
      },
    },
  ];
}

function receiveReturn({ data }: ReceiveReturn, current: ExistingReturn): ReturnEvent[] {
  const { returnId, receiptId, location } = data;
  requireKey('receiptId', receiptId);
  requireKey('location', location);
  if (current.receipts.some((r) => r.receiptId === receiptId))
    throw new AlreadyExists({ aggregate: 'return receipt', id: receiptId });
  if (data.lines.length === 0) throw new ValidationFailed('lines', 'must not be empty');
  const counted = new Map<string, number>();
  const lines = data.lines.map((received, i): ReceivedLine => {
    const field = `lines[${i}]`;
    requirePositiveInt(`${field}.quantity`, received.quantity);
    const line = current.lines.find((l) => l.lineId === received.lineId);
    if (!line) throw new ValidationFailed(`${field}.lineId`, 'is not a line of this return');
    // A line may appear twice in one receipt: some units restocked, some written off.
    const before = receivedQuantity(current, line.lineId) + (counted.get(line.lineId) ?? 0);
    if (before + received.quantity > line.quantity) {
      throw new ReceiptExceedsRequested({
        lineId: line.lineId,
        requested: line.quantity,
        alreadyReceived: before,
        received: received.quantity,
      });
    }
    counted.set(line.lineId, (counted.get(line.lineId) ?? 0) + received.quantity);
    if (received.note !== null) requireLength(`${field}.note`, received.note, 1000);
    if (received.disposition === 'restock') {
      const restockLocation = requireKey(`${field}.restockLocation`, received.restockLocation ?? location);
      return { ...base(received, line.sku), restockLocation, adjustmentReason: null };
    }
    requireOneOf(`${field}.disposition`, received.disposition, ['restock', 'write_off'] as const);
    const reason = received.adjustmentReason;
    if (reason === null) throw new ValidationFailed(`${field}.adjustmentReason`, 'is required to write off');
    requireOneOf(`${field}.adjustmentReason`, reason, adjustmentReasons);
    if (reason !== 'damage' && reason !== 'loss')
      throw new ValidationFailed(`${field}.adjustmentReason`, 'must be damage or loss to write off');
    return { ...base(received, line.sku), restockLocation: null, adjustmentReason: reason };
  });
  return [
    { type: 'ReturnReceived', data: { returnId, orderId: current.orderId, receiptId, location, lines } },
  ];
}

const base = (
  received: ReceiveReturn['data']['lines'][number],
  sku: string,
): Pick<ReceivedLine, 'lineId' | 'sku' | 'quantity' | 'disposition' | 'note'> => ({
  lineId: received.lineId,
  sku,
  quantity: received.quantity,
  disposition: received.disposition,
  note: received.note,
});

function recordRefund({ data }: RecordReturnRefund, current: ExistingReturn): ReturnEvent[] {
  const { returnId, basis, refundKey, refundId, amount, capped } = data;
  requireText('refundKey', refundKey, 255);
  requireText('refundId', refundId, 255);
  requirePositiveInt('amount', amount);
  if (current.refunds.some((r) => r.refundKey === refundKey))
    throw new AlreadyExists({ aggregate: 'return refund', id: refundKey });
  if (basis !== 'authorization' && !current.receipts.some((r) => r.receiptId === basis.receiptId))
    throw new ValidationFailed('basis.receiptId', 'is not a receipt of this return');
  const due = refundDue(current, basis).total;
  if (amount > due)
    throw new RefundExceedsDue({ returnId, due, requested: amount, currency: current.currency });
  return [
    {
      type: 'ReturnRefunded',
      data: {
        returnId,
        orderId: current.orderId,
        refundKey,
        refundId,
        amount,
        currency: current.currency,
        capped,
      },
    },
  ];
}

function existing(
  command: Exclude<ReturnCommand, { type: 'RequestReturn' }>,
  state: ReturnState,
): ExistingReturn {
  if (state.status === 'none') throw new ReturnNotFound(command.data.returnId);
  if (!returnAllowedFrom[command.type].includes(state.status)) {
    throw new InvalidTransition({
      aggregate: 'return',
      id: state.returnId,
      from: state.status,
      command: command.type,
    });
  }
  return state;
}
