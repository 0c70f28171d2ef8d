import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  returnDecider,
  type ReceiveReturn,
  type RequestReturn,
  type ReturnCommand,
} from '../../domain/returns/index.ts';
import { defaultReturnPolicy, returnPolicyDecider } from '../../domain/return-policy/index.ts';
import { returnPolicyStream, returnStream } from '../../domain/streams.ts';
import { eventLog, type Actor } from '../testing/event-log.ts';
import { openSpecDatabase, type SpecDatabase } from '../../test-support/projection-spec.ts';
import { returnsProjection } from './projection.ts';
import {
  currentReturnPolicy,
  customerReturns,
  orderReturnSteps,
  returnCustomer,
  returnDetail,
  returnQueue,
} from './queries.ts';

const DAY = 24 * 60 * 60 * 1000;
const staff: Actor = { id: 'staff-7', role: 'staff' };
const refunds: Actor = { id: 'returns-refunds', role: 'system' };
const customer = (id: string): Actor => ({ id, role: 'customer' });

/** Order `orderId`: line l-1, 2 × HAMMER paid 2000 with 380 tax; line l-2, 1 × SAW paid 999. */
const request = (returnId: string, orderId: string, customerId: string, now: string): RequestReturn => ({
  type: 'RequestReturn',
  data: {
    returnId,
    orderId,
    customerId,
    currency: 'EUR',
    orderStatus: 'delivered',
    deliveredAt: '2026-11-01T10:00:00.000Z',
    now,
    openedBy: 'customer',
    reason: 'damaged',
    note: 'the handle is cracked',
    photos: ['https://img.example/1.jpg'],
    allowedReasons: ['damaged', 'other'],
    lines: [
      { lineId: 'l-1', quantity: 2 },
      { lineId: 'l-2', quantity: 1 },
    ],
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
        windowDays: 30,
      },
    ],
    refundableShipping: 0,
    restockingFeeBps: 0,
    refundOn: 'receipt',
  },
});

/**
 * r-1 (c-1, o-1): requested, authorized, received in two receipts (restock, then write-off), refunded.
 * r-2 (c-1, o-2): requested, rejected. r-3 (c-2, o-3): requested two days later, still waiting.
 */
function history() {
  const log = eventLog('2026-11-05T09:00:00.000Z');
  const run = (returnId: string, command: ReturnCommand, actor: Actor) =>
    log.decide(returnDecider, returnStream(returnId), command, { actor });
  run('r-1', request('r-1', 'o-1', 'c-1', '2026-11-05T09:00:00.000Z'), customer('c-1'));
  run('r-2', request('r-2', 'o-2', 'c-1', '2026-11-05T09:00:00.000Z'), customer('c-1'));
  log.advance(DAY);
  run(
    'r-1',
    {
      type: 'AuthorizeReturn',
      data: { returnId: 'r-1', rmaNumber: 'RMA-R-1', label: null, instructions: 'Post it', note: null },
    },
    staff,
  );
  run('r-2', { type: 'RejectReturn', data: { returnId: 'r-2', reason: 'outside policy' } }, staff);
  log.advance(DAY);
  run('r-3', request('r-3', 'o-3', 'c-2', '2026-11-07T09:00:00.000Z'), customer('c-2'));
  const receive = (receiptId: string, line: ReceiveReturn['data']['lines'][number]) =>
    run(
      'r-1',
      { type: 'ReceiveReturn', data: { returnId: 'r-1', receiptId, location: 'berlin', lines: [line] } },
      staff,
    );
  receive('rc-1', {
    lineId: 'l-1',
    quantity: 2,
    disposition: 'restock',
    restockLocation: 'paris',
    adjustmentReason: null,
    note: null,
  });
  run(
    'r-1',
    {
      type: 'RecordReturnRefund',
      data: {
        returnId: 'r-1',
        basis: { receiptId: 'rc-1' },
        refundKey: 'k-1',
        refundId: 're-1',
        amount: 2380,
        capped: false,
      },
    },
    refunds,
  );
  log.advance(DAY);
  receive('rc-2', {
    lineId: 'l-2',
    quantity: 1,
    disposition: 'write_off',
    restockLocation: null,
    adjustmentReason: 'damage',
    note: null,
  });
  return log;
}

describe.each(['pglite', 'postgres'] as const)('returns projection on %s', (backend) => {
  let database: SpecDatabase;
  beforeAll(async () => void (database = await openSpecDatabase(backend)));
  afterAll(async () => database.dispose());

  // Batches of one, of a few and of everything: the same rows.
  it.each([1, 3, 100])(
    'keeps each return with its status, receipts and refunds, and every step (batches of %i)',
    async (batchSize) => {
      const log = history();
      const spec = await database.spec(returnsProjection());
      const tags = await spec.given(log.events, { batchSize });
      expect(tags).toContain('returns');

      const r1 = await spec.read((db) => returnDetail(db, 'r-1'));
      expect(r1).toMatchObject({
        returnId: 'r-1',
        orderId: 'o-1',
        customerId: 'c-1',
        status: 'received',
        statusSince: '2026-11-08T09:00:00.007Z',
        rmaNumber: 'RMA-R-1',
        reason: 'damaged',
        openedBy: 'customer',
        itemCount: 3,
        receivedCount: 3,
        refunded: { amount: 2380, currency: 'EUR' },
        label: null,
        lines: [
          { lineId: 'l-1', sku: 'HAMMER', quantity: 2, received: 2, restocked: 2, writtenOff: 0 },
          { lineId: 'l-2', sku: 'SAW', quantity: 1, received: 1, restocked: 0, writtenOff: 1 },
        ],
        requestedAt: '2026-11-05T09:00:00.000Z',
      });
      expect(r1!.steps.map((step) => [step.type, step.by.id])).toEqual([
        ['ReturnRequested', 'c-1'],
        ['ReturnAuthorized', 'staff-7'],
        ['ReturnReceived', 'staff-7'],
        ['ReturnRefunded', 'returns-refunds'],
        ['ReturnReceived', 'staff-7'],
      ]);
      expect(r1!.steps[3]!.summary).toBe('Refund of 23.80 EUR for return r-1');
      expect(r1!.steps[4]!.summary).toBe('Return r-1 received at berlin: 0 restocked, 1 written off');

      // The customer's free text and photos stay out of the read model.
      const [stored] = await spec.rows('returns', ['return_id']);
      expect(JSON.stringify(stored)).not.toContain('cracked');
      expect(JSON.stringify(stored)).not.toContain('img.example');

      expect(
        (await spec.read((db) => customerReturns(db, { customerId: 'c-1', limit: 10 }))).map((r) => [
          r.returnId,
          r.status,
        ]),
      ).toEqual([
        ['r-2', 'rejected'],
        ['r-1', 'received'],
      ]);
      expect(await spec.read((db) => customerReturns(db, { customerId: 'c-9', limit: 10 }))).toEqual([]);
      expect(await spec.read((db) => returnCustomer(db, 'r-3'))).toBe('c-2');
      expect(await spec.read((db) => returnCustomer(db, 'r-9'))).toBeUndefined();

      const steps = await spec.read((db) => orderReturnSteps(db, 'o-2'));
      expect(steps.map((step) => [step.type, step.summary, step.by])).toEqual([
        ['ReturnRequested', 'Return r-2 requested: 3 items, reason damaged', { id: 'c-1', role: 'customer' }],
        ['ReturnRejected', 'Return r-2 rejected: outside policy', { id: 'staff-7', role: 'staff' }],
      ]);
    },
  );

  it('answers the staff queue by status and by how long each has waited in it', async () => {
    const spec = await database.spec(returnsProjection());
    await spec.given(history().events);
    const now = new Date('2026-11-09T09:00:00.000Z');
    const queue = (status?: 'requested' | 'received', days?: number) =>
      spec.read((db) =>
        returnQueue(db, { status, olderThanMs: days === undefined ? undefined : days * DAY, now, limit: 10 }),
      );
    expect((await queue()).map((r) => r.returnId)).toEqual(['r-2', 'r-3', 'r-1']);
    expect((await queue('requested')).map((r) => r.returnId)).toEqual(['r-3']);
    // r-3 has waited two days in its status: more than one, less than three.
    expect((await queue('requested', 1)).map((r) => r.returnId)).toEqual(['r-3']);
    expect(await queue('requested', 3)).toEqual([]);
    expect((await queue('received', 0)).map((r) => r.returnId)).toEqual(['r-1']);
    expect(await queue('received', 2)).toEqual([]);
  });

  // One batch with both policies and batches of one: the last policy set, whatever the batching.
  it.each([1, 100])('keeps the returns policy as last set (batches of %i)', async (batchSize) => {
    const spec = await database.spec(returnsProjection());
    await spec.given([]);
    expect(await spec.read((db) => currentReturnPolicy(db))).toEqual({ ...defaultReturnPolicy, setAt: null });
    const log = eventLog('2026-11-05T09:00:00.000Z');
    const set = (policy: typeof defaultReturnPolicy) =>
      log.decide(
        returnPolicyDecider,
        returnPolicyStream(),
        { type: 'SetReturnPolicy', data: { policy } },
        {
          actor: staff,
        },
      );
    set({ ...defaultReturnPolicy, defaultWindowDays: 14 });
    log.advance(DAY);
    const last = {
      ...defaultReturnPolicy,
      categoryWindowDays: { tools: 60 },
      reasons: ['damaged', 'too_small'],
    };
    set(last);
    const tags = await spec.given(log.events, { batchSize });
    expect(tags).toContain('returns');
    expect(await spec.read((db) => currentReturnPolicy(db))).toEqual({
      ...last,
      setAt: '2026-11-06T09:00:00.001Z',
    });
  });
});
