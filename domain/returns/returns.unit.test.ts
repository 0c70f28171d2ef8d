import { describe, expect, it } from 'vitest';
import { AlreadyExists, InvalidTransition, ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import {
  OrderNotDelivered,
  ReceiptExceedsRequested,
  RefundExceedsDue,
  ReturnExceedsDelivered,
  ReturnNotFound,
  ReturnWindowClosed,
} from './errors.ts';
import { refundDue, returnDecider, type RequestReturn, type ReturnEvent, type ReturnState } from './index.ts';

const given = specFor(returnDecider);
const DELIVERED = '2026-11-01T10:00:00.000Z';
const NOW = '2026-11-10T10:00:00.000Z';

/** Order o-1: line l-1, 2 × HAMMER paid 2000 with 380 tax; line l-2, 1 × SAW paid 999, no tax. */
const request = (overrides: Partial<RequestReturn['data']> = {}): RequestReturn => ({
  type: 'RequestReturn',
  data: {
    returnId: 'r-1',
    orderId: 'o-1',
    customerId: 'c-1',
    currency: 'EUR',
    orderStatus: 'delivered',
    deliveredAt: DELIVERED,
    now: NOW,
    openedBy: 'customer',
    reason: 'damaged',
    note: 'the handle is cracked',
    photos: ['https://img.example/1.jpg'],
    allowedReasons: ['damaged', 'other'],
    lines: [{ lineId: 'l-1', quantity: 1 }],
    orderLines: [
      {
        lineId: 'l-1',
        sku: 'HAMMER',
        quantity: 2,
        delivered: 2,
        alreadyReturned: 0,
        paid: 2000,
        tax: 380,
        windowDays: 30,
      },
      {
        lineId: 'l-2',
        sku: 'SAW',
        quantity: 1,
        delivered: 1,
        alreadyReturned: 0,
        paid: 999,
        tax: 0,
        windowDays: 14,
      },
    ],
    refundableShipping: 495,
    restockingFeeBps: 0,
    refundOn: 'receipt',
    ...overrides,
  },
});

const requested: ReturnEvent = {
  type: 'ReturnRequested',
  data: {
    returnId: 'r-1',
    orderId: 'o-1',
    customerId: 'c-1',
    currency: 'EUR',
    lines: [{ lineId: 'l-1', sku: 'HAMMER', quantity: 1, amount: 1000, tax: 190, windowDays: 30 }],
    reason: 'damaged',
    note: 'the handle is cracked',
    photos: ['https://img.example/1.jpg'],
    openedBy: 'customer',
    deliveredAt: DELIVERED,
    shipping: 0,
    restockingFeeBps: 0,
    refundOn: 'receipt',
  },
};
const authorized: ReturnEvent = {
  type: 'ReturnAuthorized',
  data: {
    returnId: 'r-1',
    orderId: 'o-1',
    rmaNumber: 'RMA-R-1',
    label: null,
    instructions: 'Send it back',
    note: null,
  },
};
const receipt = (receiptId: string, quantity: number, disposition: 'restock' | 'write_off' = 'restock') => ({
  type: 'ReceiveReturn' as const,
  data: {
    returnId: 'r-1',
    receiptId,
    location: 'berlin',
    lines: [
      {
        lineId: 'l-1',
        quantity,
        disposition,
        restockLocation: null,
        adjustmentReason: disposition === 'write_off' ? ('damage' as const) : null,
        note: null,
      },
    ],
  },
});
const received: ReturnEvent = {
  type: 'ReturnReceived',
  data: {
    returnId: 'r-1',
    orderId: 'o-1',
    receiptId: 'rc-1',
    location: 'berlin',
    lines: [
      {
        lineId: 'l-1',
        sku: 'HAMMER',
        quantity: 1,
        disposition: 'restock',
        restockLocation: 'berlin',
        adjustmentReason: null,
        note: null,
      },
    ],
  },
};
const refund = (amount: number, refundKey = 'return-r-1-receipt-rc-1') => ({
  type: 'RecordReturnRefund' as const,
  data: { returnId: 'r-1', basis: { receiptId: 'rc-1' }, refundKey, refundId: 're_1', amount, capped: false },
});

describe('requesting a return', () => {
  it('records the units with their prorated paid amount and tax, the reason, note and photos', () => {
    given([]).when(request()).then([requested]);
  });

  it('gives the shipping back only with the return that brings every delivered unit back', () => {
    const all = request({
      lines: [
        { lineId: 'l-1', quantity: 2 },
        { lineId: 'l-2', quantity: 1 },
      ],
    });
    const [event] = returnDecider.decide(all, { status: 'none' });
    expect(event?.type === 'ReturnRequested' && event.data.shipping).toBe(495);
  });

  it('refuses more than was delivered', () => {
    given([])
      .when(request({ lines: [{ lineId: 'l-1', quantity: 3 }] }))
      .thenThrows(ReturnExceedsDelivered, { lineId: 'l-1', delivered: 2, alreadyReturned: 0, requested: 3 });
  });

  it('refuses units already under another return (returning twice)', () => {
    const orderLines = request().data.orderLines.map((l) => ({
      ...l,
      alreadyReturned: l.lineId === 'l-1' ? 2 : 0,
    }));
    given([])
      .when(request({ orderLines }))
      .thenThrows(ReturnExceedsDelivered, { alreadyReturned: 2, requested: 1 });
  });

  it('refuses after the line’s window (per category or product), and the same return twice', () => {
    given([])
      .when(request({ lines: [{ lineId: 'l-2', quantity: 1 }], now: '2026-11-16T10:00:00.000Z' }))
      .thenThrows(ReturnWindowClosed, {
        lineId: 'l-2',
        windowDays: 14,
        closedAt: '2026-11-15T10:00:00.000Z',
      });
    given([requested]).when(request()).thenThrows(AlreadyExists, { aggregate: 'return', id: 'r-1' });
  });

  it('refuses an order not delivered, a reason off the list, a photo that is no https URL', () => {
    given([])
      .when(request({ deliveredAt: null, orderStatus: 'shipped' }))
      .thenThrows(OrderNotDelivered, { orderId: 'o-1', status: 'shipped' });
    given([])
      .when(request({ reason: 'bored' }))
      .thenThrows(ValidationFailed, { field: 'reason' });
    given([])
      .when(request({ photos: ['javascript:alert(1)'] }))
      .thenThrows(ValidationFailed, { field: 'photos[0]' });
    given([])
      .when(request({ lines: [{ lineId: 'l-9', quantity: 1 }] }))
      .thenThrows(ValidationFailed, {
        field: 'lines[0].lineId',
      });
  });
});

describe('authorizing and rejecting', () => {
  it('issues the RMA number with the instructions when there is no label', () => {
    given([requested])
      .when({
        type: 'AuthorizeReturn',
        data: {
          returnId: 'r-1',
          rmaNumber: 'RMA-R-1',
          label: null,
          instructions: 'Send it back',
          note: null,
        },
      })
      .then([authorized]);
  });

  it('rejects with a reason, and refuses to authorize a rejected return or an unknown one', () => {
    const rejected = given([requested])
      .when({ type: 'RejectReturn', data: { returnId: 'r-1', reason: 'worn' } })
      .then([{ type: 'ReturnRejected', data: { returnId: 'r-1', orderId: 'o-1', reason: 'worn' } }]);
    expect(rejected.status).toBe('rejected');
    given([requested, { type: 'ReturnRejected', data: { returnId: 'r-1', orderId: 'o-1', reason: 'worn' } }])
      .when({
        type: 'AuthorizeReturn',
        data: { returnId: 'r-1', rmaNumber: 'RMA-R-1', label: null, instructions: 'x', note: null },
      })
      .thenThrows(InvalidTransition, { from: 'rejected', command: 'AuthorizeReturn' });
    given([])
      .when({ type: 'RejectReturn', data: { returnId: 'r-1', reason: 'x' } })
      .thenThrows(ReturnNotFound);
  });
});

describe('receiving', () => {
  it('refuses a receipt before authorization', () => {
    given([requested]).when(receipt('rc-1', 1)).thenThrows(InvalidTransition, { from: 'requested' });
  });

  it('records a receipt with its inspection; a second receipt beyond what was requested is refused', () => {
    const state = given([requested, authorized]).when(receipt('rc-1', 1)).then([received]);
    expect(state.status).toBe('received');
    given([requested, authorized, received])
      .when(receipt('rc-2', 1))
      .thenThrows(InvalidTransition, { from: 'received' });
  });

  it('allows partial receipts and refuses more than requested in all', () => {
    const two = {
      ...requested,
      data: { ...requested.data, lines: [{ ...requested.data.lines[0]!, quantity: 2 }] },
    };
    const partial = given([two, authorized]).when(receipt('rc-1', 1)).then([received]);
    expect(partial.status).toBe('partially_received');
    given([two, authorized, received])
      .when(receipt('rc-2', 2))
      .thenThrows(ReceiptExceedsRequested, { requested: 2, alreadyReceived: 1, received: 2 });
    given([two, authorized, received]).when(receipt('rc-1', 1)).thenThrows(AlreadyExists);
  });

  it('needs damage or loss to write off', () => {
    const command = receipt('rc-1', 1, 'write_off');
    command.data.lines[0]!.adjustmentReason = 'found' as never;
    given([requested, authorized])
      .when(command)
      .thenThrows(ValidationFailed, { field: 'lines[0].adjustmentReason' });
  });
});

describe('refunding', () => {
  it('records a refund up to what the receipt owes, once per key', () => {
    const refunded: ReturnEvent = {
      type: 'ReturnRefunded',
      data: {
        returnId: 'r-1',
        orderId: 'o-1',
        refundKey: 'return-r-1-receipt-rc-1',
        refundId: 're_1',
        amount: 1190,
        currency: 'EUR',
        capped: false,
      },
    };
    given([requested, authorized, received]).when(refund(1190)).then([refunded]);
    given([requested, authorized, received])
      .when(refund(1191))
      .thenThrows(RefundExceedsDue, { due: 1190, requested: 1191 });
    given([requested, authorized, received, refunded]).when(refund(1)).thenThrows(AlreadyExists);
  });

  it('keeps the restocking fee on the goods, gives shipping back with the first refund, and prorates receipts exactly', () => {
    const state = (lines: number, events: ReturnEvent[]) =>
      [
        {
          ...requested,
          data: {
            ...requested.data,
            lines: [{ ...requested.data.lines[0]!, quantity: lines, amount: 1001, tax: 3 }],
            shipping: 495,
            restockingFeeBps: 1000,
          },
        },
        authorized,
        ...events,
      ].reduce(returnDecider.evolve, returnDecider.initialState()) as Exclude<
        ReturnState,
        { status: 'none' }
      >;
    const second: ReturnEvent = { ...received, data: { ...received.data, receiptId: 'rc-2' } };
    const s = state(2, [received, second]);
    const first = refundDue(s, { receiptId: 'rc-1' });
    expect(first).toEqual({ goods: 500, tax: 1, fee: 50, shipping: 495, total: 946 });
    const rest = refundDue(s, { receiptId: 'rc-2' });
    // Both receipts add up to exactly what the line was paid.
    expect(first.goods + rest.goods).toBe(1001);
    expect(first.tax + rest.tax).toBe(3);
    expect(refundDue(s, 'authorization').total).toBe(1001 + 3 - 100 + 495);
  });
});
