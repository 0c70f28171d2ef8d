import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { activeSchema, waitForCheckpoint } from '../../projections/runtime/checkpoints.ts';
import { checksumSchema } from '../../projections/runtime/checksum.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { mailedCode } from '../../test-support/mailed-code.ts';
import { productInput } from '../../test-support/product-input.ts';
import { FLEET_READ_MODELS, startFleet, type Fleet } from '../../test-support/scale-out-fleet.ts';

/**
 * The read budget per address of this test: small enough to spend, big enough for leases of 3, and
 * over an hour, so that a slow machine never sees the window turn while the test spends it.
 */
const READ_BUDGET = 300;
/** How soon every API refuses a revoked session (docs/security.md: "within seconds"). */
const REVOCATION_SECONDS = 5;
const PASSWORD = 'a long passphrase for the fleet';

/**
 * Issue 21's fleet on real engines: 3 API processes, 2 `qm project` processes and 2 `qm work`
 * processes (publisher and consumers) on one PostgreSQL database, Redis and NATS. Writes through
 * any API are read through any other with the write's consistency token; a price change through
 * one API drops the entry the others cached in Redis; the active projector is SIGKILLed and the
 * standby takes its lease and carries on; one address's read budget holds across the three
 * processes; a session revoked through one API is refused by the others within seconds; and once
 * everything stops, every read model equals a rebuild from the log.
 * (`npm run bench -- scale` times the failover.)
 */
describe('several API, projector and consumer processes (PostgreSQL, Redis, NATS)', () => {
  let fleet: Fleet | undefined;
  let sql: SqlClient | undefined;
  afterAll(async () => {
    await sql?.close();
    await fleet?.dispose();
  });

  it(
    'serves, caches, limits, revokes and fails over across processes, and the read models equal a rebuild',
    { timeout: 600_000 },
    async () => {
      fleet = await startFleet({
        apis: 3,
        projectors: 2,
        workers: 2,
        rateLimits: `write.ip=1000000/60,write.account=1000000/60,read.ip=${READ_BUDGET}/3600`,
      });
      const { apis } = fleet;
      sql = createPgClient({ connectionString: fleet.databaseUrl, maxConnections: 2 });
      const db = sql;
      const admin = `Bearer ${await mintToken({ secret: fleet.secret, subject: 'admin-1', role: 'admin' })}`;
      // Every client its own address (the fleet trusts one proxy hop), except the one that spends its budget.
      const someAddress = () => `10.${randomBytes(3).join('.')}`;
      const write = (api: number, path: string, body: unknown, token = admin) =>
        fetch(apis[api % apis.length]!.commandUrl + path, {
          method: 'POST',
          headers: {
            ...(token ? { authorization: token } : {}),
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            'x-forwarded-for': someAddress(),
          },
          body: JSON.stringify(body),
        });
      const read = (api: number, path: string, options: { position?: string; from?: string } = {}) =>
        fetch(apis[api % apis.length]!.readUrl + path, {
          headers: {
            authorization: admin,
            'x-forwarded-for': options.from ?? someAddress(),
            ...(options.position ? { 'x-consistency-token': options.position } : {}),
          },
        });
      const position = (response: Response) => response.headers.get('qm-position')!;

      const product = `fleet-${randomBytes(4).toString('hex')}`;
      expect((await write(0, '/locations', { locationId: 'berlin', name: 'Berlin' })).status).toBe(201);
      expect((await write(1, '/products', productInput(product))).status).toBe(201);
      const received = await write(2, '/stock/receipts', {
        sku: `SKU-${product}`,
        location: 'berlin',
        quantity: 1_000,
        reference: null,
      });
      expect(received.status, await received.clone().text()).toBe(200);

      // Orders through every API, each read back through another with its token.
      const customer = `Bearer ${await mintToken({ secret: fleet.secret, subject: 'c1', role: 'customer' })}`;
      const placeOrder = async (api: number) => {
        const orderId = randomUUID();
        const placed = await write(
          api,
          '/orders',
          {
            orderId,
            currency: 'EUR',
            lines: [{ productId: product, quantity: 1 }],
            shippingAddress: berlinAddress,
          },
          customer,
        );
        expect(placed.status, await placed.clone().text()).toBe(201);
        return { orderId, position: position(placed) };
      };
      for (let i = 0; i < 12; i++) {
        const { orderId, position: at } = await placeOrder(i);
        const seen = await read(i + 1, `/orders/${orderId}`, { position: at });
        expect(seen.status).toBe(200);
        expect(seen.headers.get('x-stale')).toBeNull();
      }

      // A product cached by two APIs (in Redis) is dropped when a third changes its price.
      for (const api of [1, 2]) expect((await read(api, `/products/${product}`)).status).toBe(200);
      const repriced = await write(0, `/products/${product}/price`, {
        price: { amount: 4242, currency: 'EUR' },
        reason: 'fleet test',
      });
      expect(repriced.status, await repriced.clone().text()).toBe(200);
      for (const api of [1, 2]) {
        const after = await read(api, `/products/${product}`, { position: position(repriced) });
        expect(((await after.json()) as { price: { amount: number } }).price.amount).toBe(4242);
      }

      // The active projector dies; the standby takes the lease and the orders read model carries on.
      const leases = (text: string) => db.query<{ holder: string }>(text);
      const active = await fleet.activeProjector('orders', leases);
      expect(active, 'one qm project process holds the orders lease').toBeDefined();
      active!.child.kill('SIGKILL');
      const { orderId, position: after } = await placeOrder(0);
      let projected = false;
      for (let tries = 0; tries < 60 && !projected; tries++) {
        const seen = await read(1, `/orders/${orderId}`, { position: after });
        projected = seen.status === 200 && seen.headers.get('x-stale') === null;
        await seen.arrayBuffer();
      }
      expect(projected, 'the standby projected the order placed after the kill').toBe(true);
      const standby = await fleet.activeProjector('orders', leases);
      expect(standby).toBeDefined();
      expect(standby).not.toBe(active);

      // One address's read budget is shared by the three APIs (counted in Redis, in leases of 1%).
      // An address of its own per run: the budget's counters live in the shared Redis for an hour.
      const spender = `198.18.${randomBytes(2).join('.')}`;
      const statuses: number[][] = [[], [], []];
      for (let i = 0; i < READ_BUDGET + 30; i++) {
        const answer = await read(i, `/products/${product}`, { from: spender });
        await answer.arrayBuffer();
        statuses[i % 3]!.push(answer.status);
      }
      const allowed = statuses.flat().filter((status) => status === 200).length;
      const lease = READ_BUDGET / 100;
      expect(allowed).toBeGreaterThanOrEqual(READ_BUDGET - apis.length * lease);
      expect(allowed).toBeLessThanOrEqual(READ_BUDGET + apis.length * lease);
      for (const perApi of statuses) expect(perApi.slice(-5)).toEqual([429, 429, 429, 429, 429]);

      // A session revoked through one API is refused by the other two within seconds: the
      // revocation list is kept current over Redis pub/sub in every API process.
      const email = `fleet-${randomBytes(4).toString('hex')}@example.com`;
      const anonymous = (api: number, path: string, body: unknown) => write(api, path, body, '');
      const signedUp = await anonymous(0, '/customers', { email, password: PASSWORD, name: 'Fleet' });
      expect(signedUp.status, await signedUp.clone().text()).toBe(201);
      const code = await mailedCode(db, email, 'email-verification');
      expect((await anonymous(1, '/customers/verify', { email, code })).status).toBe(200);
      const loggedIn = await anonymous(2, '/auth/login', { email, password: PASSWORD });
      expect(loggedIn.status, await loggedIn.clone().text()).toBe(200);
      const session = `Bearer ${((await loggedIn.json()) as { accessToken: string }).accessToken}`;
      const ownOrders = (api: number) =>
        fetch(apis[api]!.readUrl + '/me/orders', {
          headers: { authorization: session, 'x-forwarded-for': someAddress() },
        }).then(async (answer) => (await answer.arrayBuffer(), answer.status));
      for (const api of [0, 1, 2]) expect(await ownOrders(api), `API ${api} before`).toBe(200);
      expect((await write(0, '/me/sessions/revoke-all', {}, session)).status).toBe(200);
      const refusedWithin = async (api: number): Promise<number> => {
        const start = Date.now();
        while ((await ownOrders(api)) !== 401) {
          if (Date.now() - start > REVOCATION_SECONDS * 1000) return Infinity;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return (Date.now() - start) / 1000;
      };
      for (const api of [1, 2]) {
        expect(await refusedWithin(api), `API ${api} refuses the revoked session`).toBeLessThan(
          REVOCATION_SECONDS,
        );
      }

      // Everything stopped once projected: each read model, as the fleet built it, equals a rebuild.
      const [last] = await db.query<{ tx: string; position: string }>(
        'select tx_id::text as tx, position::text as position from qm_events order by tx_id desc, position desc limit 1',
      );
      const head = { commit: BigInt(last!.tx), prepare: BigInt(last!.position) };
      expect(
        await waitForCheckpoint(db, FLEET_READ_MODELS, head, 60_000),
        'every read model reaches the head',
      ).toBe(true);
      for (const p of [...apis.map((api) => api.process), ...fleet.projectors, ...fleet.workers]) {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
        await p.exited(30_000);
      }
      for (const model of FLEET_READ_MODELS) {
        const liveSchema = await activeSchema(db, model);
        const live = await checksumSchema(db, liveSchema);
        const liveRows = await rowsOf(db, liveSchema, Object.keys(live));
        // As an operator would: `qm replay`, whose store opens the personal data as the projectors' does.
        expect(await fleet.run('replay', [model]).exited(180_000), `qm replay ${model}`).toBe(0);
        const rebuiltSchema = await activeSchema(db, model);
        const rebuilt = await checksumSchema(db, rebuiltSchema);
        const rebuiltRows = await rowsOf(db, rebuiltSchema, Object.keys(rebuilt));
        expect(rebuilt, `${model} rebuilt:\n${differences(liveRows, rebuiltRows)}`).toEqual(live);
      }
    },
  );
});

/** Every row's text form per table, to say which rows differ when a checksum does. */
async function rowsOf(db: SqlClient, schema: string, tables: string[]): Promise<Map<string, Set<string>>> {
  const rows = new Map<string, Set<string>>();
  for (const table of tables) {
    const read = await db.query<{ row: string }>(`select t::text as row from "${schema}"."${table}" t`);
    rows.set(table, new Set(read.map((r) => r.row)));
  }
  return rows;
}

function differences(live: Map<string, Set<string>>, rebuilt: Map<string, Set<string>>): string {
  const lines: string[] = [];
  for (const [table, rows] of live) {
    const other = rebuilt.get(table) ?? new Set<string>();
    for (const row of [...rows].filter((r) => !other.has(r)).slice(0, 3))
      lines.push(`${table} live:    ${row}`);
    for (const row of [...other].filter((r) => !rows.has(r)).slice(0, 3))
      lines.push(`${table} rebuilt: ${row}`);
  }
  return lines.join('\n');
}
