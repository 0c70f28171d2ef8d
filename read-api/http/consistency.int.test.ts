import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionToToken } from '../../ports/position.ts';
import { readApiHarness, type ReadApiHarness } from '../../test-support/read-api-harness.ts';
import { berlinAddress } from '../../test-support/addresses.ts';

const address = { ...berlinAddress, line1: 'Street 1' };

describe('consistency tokens the projectors have not reached', () => {
  let h: ReadApiHarness;
  let productToken: string;
  let orderToken: string;
  const admin = () => h.context();

  beforeAll(async () => {
    h = await readApiHarness('pglite', 'memory');
    await h.handlers.createLocation('berlin', 'Berlin warehouse', admin());
    await h.handlers.createProduct(
      {
        productId: 'hammer',
        sku: 'HAMMER',
        name: 'Claw Hammer',
        description: 'A hammer',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: true,
        price: { amount: 1_999, currency: 'EUR' },
      },
      admin(),
    );
    const stock = await h.handlers.receiveStock(
      { sku: 'HAMMER', location: 'berlin', quantity: 5, reference: null },
      admin(),
    );
    await h.settle(stock.position);
    // From here on nothing is projected: every later write is in the log, not in a read model.
    await h.projectors.stop();
    const saw = await h.handlers.createProduct(
      {
        productId: 'saw',
        sku: 'SAW',
        name: 'Hand Saw',
        description: 'A saw',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: true,
        price: { amount: 2_499, currency: 'EUR' },
      },
      admin(),
    );
    productToken = positionToToken(saw.position!);
    const order = await h.handlers.placeOrder(
      {
        orderId: 'o-1',
        customerId: 'ada',
        currency: 'EUR',
        lines: [{ productId: 'hammer', quantity: 1 }],
        shippingAddress: address,
      },
      h.context({ id: 'ada', role: 'customer' }),
    );
    orderToken = positionToToken(order.position);
  });
  afterAll(async () => h?.close());

  it('marks a 404 stale when the wait for the token ran out, as it marks a 200', async () => {
    const impatient = await h.openReadSide({ waitMs: 50 });
    const missing = await h.get('/products/saw', {
      api: impatient,
      headers: { 'x-consistency-token': productToken },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(missing.headers.get('x-stale')).toBe('true');
    expect(missing.headers.get('warning')).toMatch(/^110 .*stale.*catalog.*/);
    expect(missing.headers.get('warning')).toContain(productToken);

    const present = await h.get(`/products/hammer?after=${productToken}`, { api: impatient });
    expect(present.status).toBe(200);
    expect(present.headers.get('x-stale')).toBe('true');

    const order = await h.get(`/orders/o-1?after=${orderToken}`, {
      api: impatient,
      as: { role: 'customer', subject: 'ada' },
    });
    expect(order.status).toBe(404);
    expect(order.headers.get('x-stale')).toBe('true');
    expect(order.headers.get('warning')).toMatch(/^110 .*stale.*orders/);
  });

  it('answers a plain 404, without X-Stale, when no token was given', async () => {
    const missing = await h.get('/products/saw');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-stale')).toBeNull();
  });

  it('refuses a token beyond the log head with a 400 naming it, instead of holding the connection', async () => {
    const patient = await h.openReadSide({ waitMs: 3_000 });
    const far = positionToToken({ commit: 2n ** 62n, prepare: 0n });
    for (const [headers, path, where] of [
      [{ 'x-consistency-token': far }, '/products/hammer', 'header.x-consistency-token'],
      [{}, `/products?after=${far}`, 'query.after'],
      [{}, `/me/orders?after=${far}`, 'query.after'],
    ] as const) {
      const response = await h.get(path, { api: patient, headers, as: { role: 'customer', subject: 'ada' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'consistency_token_ahead', token: far });
      expect(body.detail).toContain(far);
      expect(body.errors).toEqual([expect.objectContaining({ path: where })]);
    }
  });
});

describe('a token a write answered, hidden behind an older transaction, on PostgreSQL', () => {
  let h: ReadApiHarness;
  afterAll(async () => h?.close());

  it('is waited for like any other (stale when the wait runs out), never refused as made up', async () => {
    h = await readApiHarness('postgres', 'memory');
    const admin = () => h.context();
    await h.handlers.createLocation('berlin', 'Berlin warehouse', admin());
    // A transaction holding an id, as a long one anywhere in the cluster does: every event
    // committed after it began stays behind the log's visible head until it ends.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const holding = new Promise<void>((resolve) => (began = resolve));
    const transaction = h.sql.transaction(async (tx) => {
      await tx.query('select pg_current_xact_id()');
      began();
      await held;
    });
    await holding;
    try {
      const written = await h.handlers.createProduct(
        {
          productId: 'chisel',
          sku: 'CHISEL',
          name: 'Chisel',
          description: 'A chisel',
          brand: 'Acme',
          category: 'tools',
          attributes: {},
          allowBackorder: false,
          price: { amount: 1_299, currency: 'EUR' },
        },
        admin(),
      );
      const token = positionToToken(written.position!);
      // Past the head's grace (500 ms): a 400 before `isCommitted`, a stale 404 now.
      const impatient = await h.openReadSide({ waitMs: 1_000 });
      const hidden = await h.get('/products/chisel', {
        api: impatient,
        headers: { 'x-consistency-token': token },
      });
      expect(hidden.status, await hidden.clone().text()).toBe(404);
      expect(hidden.headers.get('x-stale')).toBe('true');
      // A position no write answered is still refused.
      const made = { ...written.position!, prepare: written.position!.prepare + 1_000_000n };
      const forged = await h.get('/products/chisel', {
        api: impatient,
        headers: { 'x-consistency-token': positionToToken(made) },
      });
      expect(forged.status).toBe(400);
      expect(((await forged.json()) as { code: string }).code).toBe('consistency_token_ahead');
      // Digits past what PostgreSQL's columns hold are refused the same way, never a 500.
      for (const far of ['99999999999999999999:1', '18446744073709551615:99999999999999999999']) {
        const beyond = await h.get('/products/chisel', {
          api: impatient,
          headers: { 'x-consistency-token': far },
        });
        expect(beyond.status, far).toBe(400);
      }
    } finally {
      release();
      await transaction;
    }
  });
});
