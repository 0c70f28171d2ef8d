import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredOrderOverHttp } from '../test-support/delivered-order.ts';
import { readApiHarness, type ReadApiHarness } from '../test-support/read-api-harness.ts';
import { writeApiOver, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * Claims over HTTP on PostgreSQL (manual payments): a customer claims damaged units of their
 * delivered order, staff see it in the claims queue and resolve it with a replacement reserved in
 * the same append, or with a refund without a return.
 */
const customer = { role: 'customer' as const, subject: 'cust-claim-1' };
const stranger = { role: 'customer' as const, subject: 'cust-claim-2' };
const staff = { role: 'staff' as const, subject: 'staff-claim-1' };
const admin = { role: 'admin' as const, subject: 'admin-claim-1' };
const orderId = 'ord-claim-1';

type ClaimView = { claimId: string; orderId: string; status: string; reason: string; quantity: number };

describe('claims through the write and read APIs on PostgreSQL', () => {
  let h: ReadApiHarness & WriteApiHarness;
  const read = async <T>(path: string, as: typeof staff | typeof customer = staff) => {
    await h.settle((await h.store.readStream(`order-${orderId}`)).at(-1)!.position);
    const response = await h.get(path, { as });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };
  const claim = (body: Record<string, unknown>, as: typeof staff | typeof customer = customer) =>
    h.post(`/orders/${orderId}/claims`, body, as);

  beforeAll(async () => {
    h = writeApiOver(await readApiHarness('postgres', 'memory'));
    await deliveredOrderOverHttp(h, { orderId, sku: 'VASE-C', quantity: 3, customer, admin });
  });
  afterAll(() => h?.close());

  it('a customer claims damaged units of their delivered order; another customer cannot', async () => {
    const response = await claim({ claimId: 'cl-1', lineId: 'L1', quantity: 1, reason: 'damaged' });
    expect(response.status, await response.clone().text()).toBe(201);
    expect((await h.store.readStream(`order-${orderId}`)).at(-1)).toMatchObject({
      type: 'ClaimOpened',
      data: { orderId, claimId: 'cl-1', lineId: 'L1', sku: 'VASE-C', quantity: 1, reason: 'damaged' },
      metadata: { actor: { id: customer.subject, role: 'customer' } },
    });
    expect((await claim({ lineId: 'L1', quantity: 1, reason: 'missing' }, stranger)).status).toBe(404);
    const tooMany = await claim({ claimId: 'cl-x', lineId: 'L1', quantity: 3, reason: 'missing' });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { code: string }).code).toBe('claim_exceeds_shipped');
    const badReason = await claim({ lineId: 'L1', quantity: 1, reason: 'late' });
    expect(badReason.status).toBe(400);
  });

  it('staff see it in the open-claims queue; customers do not reach the queue', async () => {
    const queue = await read<{ items: ClaimView[] }>('/staff/claims');
    expect(queue.items).toEqual([
      expect.objectContaining({ claimId: 'cl-1', orderId, status: 'open', reason: 'damaged', quantity: 1 }),
    ]);
    expect((await h.get('/staff/claims', { as: customer })).status).toBe(403);
  });

  it('staff resolve it with a replacement reserved in the same append; a customer cannot resolve', async () => {
    expect(
      (await h.post(`/orders/${orderId}/claims/cl-1/resolve`, { resolution: 'replacement' }, customer))
        .status,
    ).toBe(403);
    const response = await h.post(
      `/orders/${orderId}/claims/cl-1/resolve`,
      { resolution: 'replacement' },
      staff,
    );
    expect(response.status, await response.clone().text()).toBe(200);
    const [resolved] = await h.store.readStream(`order-${orderId}`, { direction: 'backwards', maxCount: 1 });
    expect(resolved).toMatchObject({
      type: 'ClaimResolved',
      data: {
        claimId: 'cl-1',
        resolution: 'replacement',
        replacement: { lineId: 'X1', sku: 'VASE-C', quantity: 1, lineTotal: { amount: 0, currency: 'EUR' } },
      },
    });
    const [reserved] = await h.store.readStream('stock-VASE-C@berlin', {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(reserved).toMatchObject({ type: 'StockReserved', data: { orderId, quantity: 1 } });
    expect(reserved!.position.commit).toBe(resolved!.position.commit);
    expect((await read<{ items: ClaimView[] }>('/staff/claims')).items).toEqual([]);
    const again = await h.post(`/orders/${orderId}/claims/cl-1/resolve`, { resolution: 'refund' }, staff);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('claim_not_open');
  });

  it('staff resolve another claim with a refund of the units, without a return', async () => {
    expect((await claim({ claimId: 'cl-2', lineId: 'L1', quantity: 2, reason: 'wrong' }, staff)).status).toBe(
      201,
    );
    const response = await h.post(`/orders/${orderId}/claims/cl-2/resolve`, { resolution: 'refund' }, staff);
    expect(response.status, await response.clone().text()).toBe(200);
    const events = (await h.store.readStream(`order-${orderId}`)).slice(-2);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'ClaimResolved',
        { orderId, claimId: 'cl-2', resolution: 'refund', amount: { amount: 4000, currency: 'EUR' } },
      ],
      [
        'RefundIssued',
        expect.objectContaining({ amount: { amount: 4000, currency: 'EUR' }, reason: 'claim cl-2: wrong' }),
      ],
    ]);
    const order = await read<{ claims: ClaimView[]; timeline: { type: string; summary: string }[] }>(
      `/orders/${orderId}`,
      customer,
    );
    expect(order.claims.map((c) => [c.claimId, c.status])).toEqual([
      ['cl-1', 'replaced'],
      ['cl-2', 'refunded'],
    ]);
    expect(order.timeline.filter((t) => t.type.startsWith('Claim')).map((t) => t.summary)).toEqual([
      'Claim cl-1: 1 × VASE-C (L1) damaged',
      'Claim cl-1 resolved: replacement X1 to ship',
      'Claim cl-2: 2 × VASE-C (L1) wrong item',
      'Claim cl-2 resolved: 40.00 EUR refunded',
    ]);
  });
});
