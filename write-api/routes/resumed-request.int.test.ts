import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinAddress } from '../../test-support/addresses.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

type Json = Record<string, unknown>;

/**
 * Any write whose process died between its append and the recording of its answer: the retry
 * takes the lapsed claim over, finds the events that carry its key and answers them, instead of
 * applying the command twice (a second receipt) or refusing it (the product it created exists now).
 */
describe.each(['pglite', 'postgres'] as const)('a write resumed after its process died, on %s', (backend) => {
  let h: WriteApiHarness;
  const eventCount = async () =>
    Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);
  /** The state a crash after the append leaves: an unfinished claim its dead holder no longer renews. */
  const dieAfterAppend = (key: string) =>
    h.sql.query(
      `update qm_idempotency_keys set status = null, headers = null, body = null,
         locked_until = now() - interval '1 second' where key = $1`,
      [key],
    );
  async function resumed(path: string, body: Json, as?: Parameters<WriteApiHarness['post']>[2]) {
    const key = randomUUID();
    const first = await h.post(path, body, as, { 'idempotency-key': key });
    const original = {
      status: first.status,
      body: (await first.json()) as Json,
      etag: first.headers.get('etag'),
    };
    const before = await eventCount();
    await dieAfterAppend(key);
    const retry = await h.post(path, body, as, { 'idempotency-key': key });
    return {
      original,
      retry: { status: retry.status, body: (await retry.json()) as Json, etag: retry.headers.get('etag') },
      appended: (await eventCount()) - before,
    };
  }

  beforeAll(async () => {
    h = await writeApiHarness(backend);
    expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
    expect((await h.post('/locations', { locationId: 'hamburg', name: 'Hamburg' })).status).toBe(201);
  });
  afterAll(() => h?.dispose());

  it('answers the 201 of a product it created, not 409 already_exists', async () => {
    const { original, retry, appended } = await resumed('/products', {
      productId: 'p-resumed',
      sku: 'RESUMED-1',
      name: 'Resumed hammer',
      brand: 'Acme',
      category: 'tools',
      price: { amount: 1299, currency: 'EUR' },
    });
    expect(original.status).toBe(201);
    expect(retry).toEqual(original);
    expect(appended).toBe(0);
  });

  it('receives stock once, answering the first receipt', async () => {
    const { original, retry, appended } = await resumed('/stock/receipts', {
      sku: 'RESUMED-1',
      location: 'berlin',
      quantity: 7,
    });
    expect(original.status).toBe(200);
    expect(retry).toEqual(original);
    expect(appended).toBe(0);
    const receipts = await h.store.readStream('stock-RESUMED-1@berlin');
    expect(receipts.filter((event) => event.type === 'StockReceived')).toHaveLength(1);
  });

  it('transfers stock once', async () => {
    const { original, retry, appended } = await resumed('/stock/transfers', {
      sku: 'RESUMED-1',
      from: 'berlin',
      to: 'hamburg',
      quantity: 2,
    });
    expect(original.status).toBe(200);
    expect(retry).toEqual(original);
    expect(appended).toBe(0);
  });

  it('answers the cancellation it made, not a refusal to cancel a cancelled order', async () => {
    const customer = { role: 'customer' as const, subject: 'cust-resumed' };
    const placed = await h.post(
      '/orders',
      { currency: 'EUR', lines: [{ productId: 'p-resumed', quantity: 1 }], shippingAddress: berlinAddress },
      customer,
    );
    expect(placed.status).toBe(201);
    const { orderId } = (await placed.json()) as { orderId: string };
    const { original, retry, appended } = await resumed(
      `/orders/${orderId}/cancel`,
      { note: null },
      customer,
    );
    expect(original.status).toBe(200);
    expect(retry).toEqual(original);
    expect(appended).toBe(0);
  });
});
