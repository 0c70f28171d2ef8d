import { productInput } from '../test-support/product-input.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinAddress } from '../test-support/addresses.ts';
import { commandHarness, type CommandHarness } from '../test-support/command-harness.ts';
import { migratedPostgres } from '../test-support/databases.ts';
import { createPgliteClient } from '../infra/sql/pglite-client.ts';
import type { SqlExecutor } from '../infra/sql/sql-client.ts';
import { mintToken } from '../infra/auth/mint-token.ts';
import { LOAD_TEST_RATE_LIMITS } from '../test-support/qm-serve-process.ts';

const repoRoot = join(import.meta.dirname, '..');
const cli = join(repoRoot, 'ops', 'cli', 'main.ts');
const SECRET = 'placement-kill-test-secret-0123456789abcdef';

/**
 * `QM_SOAK=1` (the soak run) fires bigger bursts and kills the server at least four times; `npm test`
 * keeps short bursts and kills until one cut a request between its append and its recorded answer,
 * at most eight times. Most kills do (a small pool makes answers queue behind appends), but one run
 * in three saw four kills in a row miss that window, all their cut requests still queued before
 * the append: a kill lands where the timing puts it, so the test gives itself more of them.
 */
const soak = process.env.QM_SOAK === '1';
const BURST = soak ? 400 : 48;
const MIN_KILLS = soak ? 4 : 1;
const MAX_KILLS = 8;
const IN_FLIGHT = 32;
/** A retry still told "in flight" after this is a Retry-After that lies (a dead claim lapses in 10 s). */
const RETRY_DEADLINE_MS = 30_000;

interface Sent {
  key: string;
  body: Record<string, unknown>;
  /** The answer the client got before the kill, if any. */
  answer?: { status: number; body: Record<string, unknown> };
}

/**
 * The real `qm serve` process, on PostgreSQL and embedded on PGlite, killed with SIGKILL in the
 * middle of a burst of placements that carry Idempotency-Keys, then restarted; every request is
 * retried with its key. Whatever the kill cut (before the append, between the append and the
 * recorded answer, after it), each request places exactly one order with one reservation, and every
 * retry answers 2xx with it.
 */
describe.each(['postgres', 'pglite'] as const)(
  'placements with Idempotency-Keys across kill -9 of the server (%s)',
  (backend) => {
    let h: CommandHarness | undefined;
    let dataDir: string;
    let env: NodeJS.ProcessEnv;
    let baseUrl: string;
    let token: string;
    const children = new Set<ChildProcess>();

    async function start(): Promise<ChildProcess> {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          cli,
          'serve',
          ...(backend === 'postgres' ? ['--no-projectors'] : []),
          '--no-fanout',
        ],
        {
          cwd: repoRoot,
          env,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.add(child);
      child.once('exit', () => children.delete(child));
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
        if (child.exitCode !== null) throw new Error(`qm serve exited with ${child.exitCode}`);
        const health = await fetch(`${baseUrl}/health`).catch(() => null);
        if (health?.ok) return child;
      }
      throw new Error('qm serve did not answer /health within 120 s');
    }
    async function kill(child: ChildProcess): Promise<void> {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    const post = (sent: Sent) =>
      fetch(`${baseUrl}/orders`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': sent.key,
        },
        body: JSON.stringify(sent.body),
      });

    /**
     * Reads the event store. On PGlite the server owns the data directory, so this runs only while
     * the server is down (right after a kill), on the directory it left.
     */
    async function query<Row>(text: string): Promise<Row[]> {
      if (h) return h.sql.query<Row>(text);
      const client = await createPgliteClient({ dataDir: join(dataDir, 'pglite') });
      try {
        return await (client as SqlExecutor).query<Row>(text);
      } finally {
        await client.close();
      }
    }

    /** Creates the location, the product and its stock through the API (embedded: nothing else may open the store). */
    async function seedOverHttp(): Promise<void> {
      const admin = await mintToken({ secret: SECRET, role: 'admin', subject: 'kill-admin' });
      for (const [path, body] of [
        ['/locations', { locationId: 'berlin', name: 'Berlin' }],
        ['/products', productInput('p1', { sku: 'KILL-1', name: 'Hammer' })],
        [
          '/stock/receipts',
          { sku: 'KILL-1', location: 'berlin', quantity: BURST * MAX_KILLS, reference: null },
        ],
      ] as const) {
        const response = await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${admin}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(body),
        });
        expect(response.ok, await response.clone().text()).toBe(true);
      }
    }

    /** Sends every request, `IN_FLIGHT` at a time, and kills the server once `killAfter` have answered. */
    async function burst(requests: Sent[], server: ChildProcess, killAfter: number): Promise<void> {
      let answered = 0;
      let next = 0;
      const killing = (async () => {
        while (answered < killAfter && server.exitCode === null) await sleep(1);
        await kill(server);
      })();
      const worker = async () => {
        while (next < requests.length) {
          const sent = requests[next++]!;
          try {
            const response = await post(sent);
            sent.answer = {
              status: response.status,
              body: (await response.json()) as Record<string, unknown>,
            };
            answered++;
          } catch {
            // Cut by the kill: the retry finds out what became of it.
          }
        }
      };
      await Promise.all([...Array.from({ length: IN_FLIGHT }, worker), killing]);
    }

    /** Retries until the request answers something other than "in flight", honouring Retry-After. */
    async function retry(
      sent: Sent,
      retryAfters: number[],
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      for (const deadline = Date.now() + RETRY_DEADLINE_MS; ;) {
        const response = await post(sent);
        const body = (await response.json()) as Record<string, unknown>;
        if (response.status !== 409 || body.code !== 'idempotency_key_in_flight')
          return { status: response.status, body };
        if (Date.now() > deadline) return { status: response.status, body: { ...body, stillInFlight: true } };
        const seconds = Number(response.headers.get('retry-after'));
        retryAfters.push(seconds);
        await sleep(seconds * 1000);
      }
    }

    beforeAll(async () => {
      const database = backend === 'postgres' ? await migratedPostgres(5) : undefined;
      if (database) {
        h = await commandHarness('postgres', { database });
        const ctx = h.context();
        await h.handlers.createLocation('berlin', 'Berlin', ctx);
        await h.handlers.createProduct(productInput('p1', { sku: 'KILL-1', name: 'Hammer' }), ctx);
        await h.handlers.receiveStock(
          { sku: 'KILL-1', location: 'berlin', quantity: BURST * MAX_KILLS, reference: null },
          ctx,
        );
      }
      dataDir = mkdtempSync(join(tmpdir(), 'qm-placement-kill-'));
      const [port, readPort] = [await freePort(), await freePort()];
      baseUrl = `http://127.0.0.1:${port}`;
      env = {
        ...process.env,
        ...(database ? { QM_EVENT_STORE: 'postgres', DATABASE_URL: database.url } : {}),
        HOST: '127.0.0.1',
        PORT: String(port),
        READ_PORT: String(readPort),
        // Bursts and retries from one address and token: this test is about kills, not budgets.
        AUTH_JWT_SECRET: SECRET,
        QM_DATA_DIR: dataDir,
        PG_POOL_SIZE: '4',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
        QM_RATE_LIMITS: LOAD_TEST_RATE_LIMITS,
      };
      for (const name of [
        ...(database ? [] : ['DATABASE_URL', 'QM_EVENT_STORE', 'CHDB_PATH']),
        'CLICKHOUSE_URL',
        'EVENTSTORE_URL',
        'REDIS_URL',
        'NATS_URL',
        'STRIPE_SECRET_KEY',
        'AUTH_JWKS_URL',
      ])
        delete env[name];
      token = await mintToken({ secret: SECRET, role: 'customer', subject: 'kill-customer' });
    }, 120_000);
    afterAll(async () => {
      await Promise.all([...children].map((child) => kill(child)));
      await h?.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it(
      'places every request exactly once, and every retry answers 2xx with the original order',
      { timeout: soak ? 900_000 : 180_000 },
      async () => {
        const sent: Sent[] = [];
        const retryAfters: number[] = [];
        let server = await start();
        if (!h) await seedOverHttp();
        let kills = 0;
        /** Requests the kills cut after their append: today's retries placed those a second time. */
        let appendedUnanswered = 0;
        while (
          kills < MAX_KILLS &&
          (kills < MIN_KILLS || (backend === 'postgres' && appendedUnanswered === 0))
        ) {
          // Half the orders name their id, half leave it to the server (derived from the key).
          const requests = Array.from({ length: BURST }, (_, i): Sent => {
            const key = randomUUID();
            const body = {
              currency: 'EUR',
              lines: [{ productId: 'p1', quantity: 1 }],
              shippingAddress: berlinAddress,
            };
            return { key, body: i % 2 === 0 ? { ...body, orderId: `kill-${key}` } : body };
          });
          sent.push(...requests);
          await burst(requests, server, Math.floor(BURST / 3));
          kills++;
          const placed = new Set(
            (
              await query<{ key: string }>(
                `select metadata->>'idempotencyKey' as key from qm_events where type = 'OrderPlaced'`,
              )
            ).map((row) => row.key),
          );
          appendedUnanswered += requests.filter((s) => !s.answer && placed.has(s.key)).length;
          server = await start();
        }
        const unanswered = sent.filter((s) => !s.answer);
        // Retried `IN_FLIGHT` at a time, as a client pool would (the soak run retries thousands).
        const retries: { status: number; body: Record<string, unknown> }[] = [];
        let nextRetry = 0;
        const retrier = async () => {
          for (let i = nextRetry++; i < sent.length; i = nextRetry++)
            retries[i] = await retry(sent[i]!, retryAfters);
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, retrier));
        console.error(
          `placement kill test: ${sent.length} requests, ${kills} kill(s), ${unanswered.length} unanswered ` +
            `(${appendedUnanswered} of them appended before the kill), ` +
            `${retryAfters.length} retries told to wait (Retry-After max ${Math.max(0, ...retryAfters)} s)`,
        );

        // Every retry answers 2xx, with the order its first run answered when it got an answer.
        for (const [index, answer] of retries.entries()) {
          expect(answer.status, JSON.stringify(answer.body)).toBe(201);
          const first = sent[index]!.answer;
          if (first?.status === 201) expect(answer.body.orderId).toBe(first.body.orderId);
          if (first?.status === 201) expect(answer.body.order).toEqual(first.body.order);
          const chosen = sent[index]!.body.orderId;
          if (chosen) expect(answer.body.orderId).toBe(chosen);
        }
        // The kills did cut requests in the window that doubled orders before (after the append,
        // before the recorded answer), so the retries above went through it.
        // On PGlite the append and the recorded answer run back to back in this one process, so a
        // kill rarely lands between them; that window is proved there by placement-retry.int.test.ts,
        // and here the kills prove that nothing acknowledged is lost and nothing is placed twice.
        if (backend === 'postgres') expect(appendedUnanswered).toBeGreaterThan(0);
        // A dead process's claim lapses within the lock time: nobody was told to wait minutes.
        expect(Math.max(0, ...retryAfters)).toBeLessThanOrEqual(10);

        // One order per request, carrying its key, and one reservation per order.
        if (!h) await kill(server);
        const placed = await query<{ key: string; order_id: string }>(
          `select metadata->>'idempotencyKey' as key, data->>'orderId' as order_id
         from qm_events where type = 'OrderPlaced'`,
        );
        expect(placed).toHaveLength(sent.length);
        const orderOfKey = new Map(placed.map((row) => [row.key, row.order_id]));
        expect(orderOfKey.size).toBe(sent.length);
        for (const [index, s] of sent.entries())
          expect(orderOfKey.get(s.key)).toBe(retries[index]!.body.orderId);
        const duplicateReservations = await query(
          `select data->>'orderId' from qm_events where type = 'StockReserved'
         group by data->>'orderId' having count(*) > 1`,
        );
        expect(duplicateReservations).toEqual([]);
        const [reserved] = await query<{ n: number }>(
          `select count(*)::int as n from qm_events where type = 'StockReserved'`,
        );
        expect(reserved!.n).toBe(sent.length);
      },
    );
  },
);

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
