import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStream } from '../domain/streams.ts';
import { deliveredOrderOverHttp } from '../test-support/delivered-order.ts';
import { writeApiHarness, type WriteApiHarness } from '../test-support/write-api-harness.ts';

/**
 * Money that staff move by hand needs a fresh second factor (`QM_STEP_UP_MINUTES`): a refund of an
 * order, and a claim resolved with a refund (a replacement moves no money and needs none). The
 * refusal appends nothing, and is not kept under its Idempotency-Key: the same request, retried
 * with the same key once the second factor is passed, runs.
 */
const customer = { role: 'customer' as const, subject: 'cust-step-1' };
const admin = { role: 'admin' as const, subject: 'admin-step-1' };
const orderId = 'ord-step-1';

describe('step-up for refunds staff start by hand, on PGlite', () => {
  let h: WriteApiHarness;
  const steppedUp = { ...admin, secondFactorAt: Math.floor(Date.now() / 1000) };
  const stale = { ...admin, secondFactorAt: Math.floor(Date.now() / 1000) - 3600 };
  const orderEvents = async () => (await h.store.readStream(orderStream(orderId))).length;

  async function problem(response: Response, status: number, code: string) {
    expect(response.status, await response.clone().text()).toBe(status);
    expect(((await response.json()) as { code: string }).code).toBe(code);
  }

  beforeAll(async () => {
    h = await writeApiHarness('pglite', { stepUpMinutes: 10 });
    await deliveredOrderOverHttp(h, { orderId, sku: 'STEP-VASE', quantity: 3, customer, admin });
    for (const claimId of ['cl-refund', 'cl-replace'])
      expect(
        (
          await h.post(
            `/orders/${orderId}/claims`,
            { claimId, lineId: 'L1', quantity: 1, reason: 'damaged' },
            customer,
          )
        ).status,
      ).toBe(201);
  });
  afterAll(() => h?.dispose());

  it('refuses a refund of the order without a fresh second factor, then takes the same keyed request with one', async () => {
    const key = { 'idempotency-key': 'refund-step-1' };
    const body = { amount: { amount: 500, currency: 'EUR' }, reason: 'goodwill' };
    const before = await orderEvents();
    await problem(await h.post(`/orders/${orderId}/refunds`, body, admin, key), 403, 'step-up-required');
    await problem(await h.post(`/orders/${orderId}/refunds`, body, stale, key), 403, 'step-up-required');
    expect(await orderEvents()).toBe(before);
    const done = await h.post(`/orders/${orderId}/refunds`, body, steppedUp, key);
    expect(done.status, await done.clone().text()).toBe(201);
    expect((await h.store.readStream(orderStream(orderId))).at(-1)).toMatchObject({
      type: 'RefundIssued',
      data: { amount: { amount: 500, currency: 'EUR' } },
    });
  });

  it('asks a second factor for a claim resolved with a refund, and none for one resolved with a replacement', async () => {
    const key = { 'idempotency-key': 'claim-step-1' };
    const before = await orderEvents();
    await problem(
      await h.post(`/orders/${orderId}/claims/cl-refund/resolve`, { resolution: 'refund' }, admin, key),
      403,
      'step-up-required',
    );
    expect(await orderEvents()).toBe(before);
    const refunded = await h.post(
      `/orders/${orderId}/claims/cl-refund/resolve`,
      { resolution: 'refund' },
      steppedUp,
      key,
    );
    expect(refunded.status, await refunded.clone().text()).toBe(200);
    const replaced = await h.post(
      `/orders/${orderId}/claims/cl-replace/resolve`,
      { resolution: 'replacement' },
      admin,
    );
    expect(replaced.status, await replaced.clone().text()).toBe(200);
  });
});
