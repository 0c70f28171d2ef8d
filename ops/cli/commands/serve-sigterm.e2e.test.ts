import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidV7Ids } from '../../../infra/ids/uuid-v7-ids.ts';
import { berlinAddress } from '../../../test-support/addresses.ts';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases.ts';
import { freePort, spawnQmServe, type QmServe } from '../../../test-support/qm-serve-process.ts';
import { mintToken } from '../../../infra/auth/mint-token.ts';

const SECRET = 'sigterm-test-secret-of-at-least-32-characters';
const CLIENTS = 16;
/** Load before the signal: a short burst in `npm test`, longer in the soak run. */
const LOAD_MS = process.env.QM_SOAK ? 20_000 : 1_500;

type Backend = 'pglite' | 'postgres';

interface Outcome {
  /** Orders answered 2xx: each must be in the event store after a restart. */
  acknowledged: string[];
  /** Answers of 500 and above, with their bodies: there must be none. */
  serverErrors: string[];
  /** Other answers by status (a 503 while starting would show here). */
  statuses: Record<number, number>;
  /** Requests that got no answer (connection refused or closed once the server stopped listening). */
  unanswered: number;
}

/**
 * SIGTERM while 16 clients place orders: the server drains (no new connections, requests in
 * flight answered) before it closes the stores. Before, 36 requests in flight got 500 "PGlite is
 * closed". After a restart, every order that was answered 2xx is in the event store.
 */
describe.each<Backend>(['pglite', 'postgres'])('qm serve stopped by SIGTERM under load (%s)', (backend) => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'qm-sigterm-'));
  let database: TestDatabase | undefined;
  let qm: QmServe | undefined;
  afterAll(async () => {
    if (qm?.child.exitCode === null) qm.child.kill('SIGKILL');
    await database?.drop();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<QmServe> {
    const server = spawnQmServe(env, ['--no-fanout']);
    await server.serving(60_000);
    return server;
  }

  it('answers no 5xx and loses no acknowledged order', { timeout: 180_000 }, async () => {
    const ports = { PORT: await freePort(), READ_PORT: await freePort() };
    const env: Record<string, string> = {
      HOST: '127.0.0.1',
      PORT: String(ports.PORT),
      READ_PORT: String(ports.READ_PORT),
      AUTH_JWT_SECRET: SECRET,
      QM_DATA_DIR: join(dataRoot, 'data'),
      CHDB_PATH: join(dataRoot, 'chdb'),
    };
    if (backend === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url;
    }
    const write = `http://127.0.0.1:${ports.PORT}`;
    const read = `http://127.0.0.1:${ports.READ_PORT}`;
    const admin = `Bearer ${await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' })}`;
    const post = (path: string, body: unknown, authorization = admin) =>
      fetch(`${write}${path}`, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'idempotency-key': uuidV7Ids.newId(),
        },
        body: JSON.stringify(body),
      });

    qm = await start(env);
    const setup: [string, unknown][] = [
      ['/locations', { locationId: 'berlin', name: 'Berlin' }],
      ...['p1', 'p2'].flatMap((productId): [string, unknown][] => [
        [
          '/products',
          {
            productId,
            sku: productId.toUpperCase(),
            price: { amount: 999, currency: 'EUR' },
            name: productId,
            brand: 'Acme',
            category: 'tools',
          },
        ],
        ['/stock/receipts', { sku: productId.toUpperCase(), location: 'berlin', quantity: 1_000_000 }],
      ]),
    ];
    for (const [path, body] of setup) {
      const response = await post(path, body);
      expect(response.status, `${path}: ${await response.text()}`).toBeLessThan(300);
    }

    const outcome: Outcome = { acknowledged: [], serverErrors: [], statuses: {}, unanswered: 0 };
    let inFlight = 0;
    const client = async (n: number) => {
      const customer = `Bearer ${await mintToken({ secret: SECRET, role: 'customer', subject: `c${n}` })}`;
      for (let i = 0; ; i++) {
        const orderId = uuidV7Ids.newId();
        inFlight++;
        let response: Response;
        try {
          response = await post(
            '/orders',
            {
              orderId,
              currency: 'EUR',
              lines: [{ productId: i % 2 ? 'p1' : 'p2', quantity: 1 }],
              shippingAddress: berlinAddress,
            },
            customer,
          );
        } catch {
          outcome.unanswered++; // the server stopped listening: this client is done
          return;
        } finally {
          inFlight--;
        }
        const text = await response.text();
        outcome.statuses[response.status] = (outcome.statuses[response.status] ?? 0) + 1;
        if (response.status >= 500) outcome.serverErrors.push(`${response.status} ${text}`);
        else if (response.ok) outcome.acknowledged.push(orderId);
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    const inFlightAtSignal = inFlight;
    qm.child.kill('SIGTERM');
    const code = await qm.exited(40_000);
    await clients;

    expect(inFlightAtSignal).toBeGreaterThan(0);
    expect(outcome.serverErrors).toEqual([]);
    expect({ code, output: code === 0 ? '' : qm.output().slice(-3000) }).toEqual({ code: 0, output: '' });
    expect(outcome.acknowledged.length).toBeGreaterThan(0);

    // Restart on the same data, and find every acknowledged order in the event store.
    qm = await start(env);
    const missing: string[] = [];
    for (const orderId of outcome.acknowledged) {
      const response = await fetch(`${read}/admin/streams/order-${orderId}/events`, {
        headers: { authorization: admin },
      });
      if (response.status !== 200) missing.push(`${orderId}: ${response.status}`);
      else await response.arrayBuffer();
    }
    expect(missing).toEqual([]);
    qm.child.kill('SIGTERM');
    expect(await qm.exited(40_000)).toBe(0);
  });
});
