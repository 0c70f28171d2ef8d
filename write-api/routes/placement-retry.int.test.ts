import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinAddress } from '../../test-support/addresses.ts';
import { writeApiHarness, type WriteApiHarness } from '../../test-support/write-api-harness.ts';

const customer = { role: 'customer' as const, subject: 'cust-retry' };
type Json = Record<string, unknown>;

/**
 * A placement whose events were appended but whose answer was never recorded (the process died in
 * between), retried with the same key and body: the retry answers the same order with 201 and
 * appends nothing, on PGlite and on PostgreSQL.
 */
describe.each(['pglite', 'postgres'] as const)(
  'a retried placement after a lost answer, on %s',
  (backend) => {
    let h: WriteApiHarness;
    const eventCount = async () =>
      Number((await h.sql.query<{ n: string }>('select count(*)::text as n from qm_events'))[0]!.n);
    const reservationsOf = async (orderId: string) =>
      Number(
        (
          await h.sql.query<{ n: string }>(
            `select count(*)::text as n from qm_events where type = 'StockReserved' and data->>'orderId' = $1`,
            [orderId],
          )
        )[0]!.n,
      );
    /** What a crash between the append and the recording of the answer leaves behind. */
    const loseAnswer = {
      /** The claim stays unfinished; its holder stopped renewing it and it has lapsed. */
      lapsed: (key: string) =>
        h.sql.query(
          `update qm_idempotency_keys set status = null, headers = null, body = null,
           locked_until = now() - interval '1 second' where key = $1`,
          [key],
        ),
      /** No trace of the key at all (purged, or kept in a store that did not survive). */
      forgotten: (key: string) => h.sql.query('delete from qm_idempotency_keys where key = $1', [key]),
    };
    const place = (key: string, body: Json) => h.post('/orders', body, customer, { 'idempotency-key': key });
    const order = (quantity: number, extra: Json = {}) => ({
      currency: 'EUR',
      lines: [{ productId: 'p-retry', quantity }],
      shippingAddress: berlinAddress,
      ...extra,
    });

    beforeAll(async () => {
      h = await writeApiHarness(backend);
      expect((await h.post('/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
      const product = {
        productId: 'p-retry',
        sku: 'RETRY-1',
        name: 'Retry hammer',
        brand: 'Acme',
        category: 'tools',
        price: { amount: 1299, currency: 'EUR' },
      };
      expect((await h.post('/products', product)).status).toBe(201);
      const stock = { sku: 'RETRY-1', location: 'berlin', quantity: 10 };
      expect((await h.post('/stock/receipts', stock)).status).toBe(200);
    });
    afterAll(() => h?.dispose());

    it.each(['lapsed', 'forgotten'] as const)(
      'answers the same order with 201 when the server chose its id (answer %s)',
      async (how) => {
        const key = randomUUID();
        const first = await place(key, order(1));
        expect(first.status).toBe(201);
        const original = (await first.json()) as Json;
        const before = await eventCount();
        await loseAnswer[how](key);

        const retry = await place(key, order(1));
        expect(retry.status).toBe(201);
        expect(await retry.json()).toEqual(original);
        expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
        expect(retry.headers.get('qm-position')).toBe(first.headers.get('qm-position'));
        expect(await eventCount()).toBe(before);
        expect(await reservationsOf(String(original.orderId))).toBe(1);
        // The rebuilt answer is recorded: the next retry is a plain replay.
        const again = await place(key, order(1));
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(await again.json()).toEqual(original);
      },
    );

    it('answers the original 201, not 409 already_exists, when the client chose the order id', async () => {
      const key = randomUUID();
      const body = order(2, { orderId: `client-${key}` });
      const first = await place(key, body);
      expect(first.status).toBe(201);
      const original = (await first.json()) as Json;
      const before = await eventCount();
      await loseAnswer.forgotten(key);

      const retry = await place(key, body);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(original);
      expect(await eventCount()).toBe(before);
      expect(await reservationsOf(`client-${key}`)).toBe(1);
      // Another request naming that order id is still refused.
      const other = await place(randomUUID(), body);
      expect(other.status).toBe(409);
      expect(await other.json()).toMatchObject({ code: 'already_exists' });
    });

    it('answers the original order even when the stock it reserved has gone to others since', async () => {
      const key = randomUUID();
      const first = await place(key, order(1));
      expect(first.status).toBe(201);
      const original = (await first.json()) as Json;
      await loseAnswer.lapsed(key);
      // Everything left goes to someone else: deciding the placement again would be a shortage.
      const left = await h.handlers.orderOwner(String(original.orderId)); // the order exists
      expect(left).toBe('cust-retry');
      let rest = 10;
      while (rest > 0 && (await place(randomUUID(), order(1))).status === 201) rest--;
      expect((await place(randomUUID(), order(1))).status).toBe(409);
      const before = await eventCount();

      const retry = await place(key, order(1));
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(original);
      expect(await eventCount()).toBe(before);
    });
  },
);
