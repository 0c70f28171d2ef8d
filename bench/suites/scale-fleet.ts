import { randomUUID } from 'node:crypto';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { waitForCheckpoint } from '../../projections/runtime/checkpoints.ts';
import { parsePositionToken } from '../../ports/position.ts';
import { FLEET_READ_MODELS, startFleet, type Fleet } from '../../test-support/scale-out-fleet.ts';
import {
  benchAddress,
  benchOrderLines,
  benchProduct,
  benchReceipts,
  CLIENTS,
  LOCATIONS,
  SKUS,
} from '../lib/bench-shop.ts';
import { orderHttpLoad } from '../lib/order-http-load.ts';
import { versus, type Metric } from '../lib/results.ts';

/**
 * The fleet figures of `npm run bench -- scale`, on 3 API processes (`qm serve --no-projectors
 * --no-fanout`), 2 `qm project` and 2 `qm work --no-projectors` on PostgreSQL, Redis and NATS:
 * - `orders_http_1api_per_s` and `orders_http_3api_per_s`: 16 connections of order placement
 *   (the http bench's load) on the first API only, then shared out among the three (the load
 *   generator spreads them as a proxy in front would: no proxy process runs here);
 * - `projector_failover_s`: from SIGKILL of the `qm project` process that holds the orders lease
 *   until an order placed right after the kill is in the standby's orders read model.
 */
export async function fleetFigures(
  seconds: number,
  say: (line: string) => void,
): Promise<Record<string, Metric>> {
  say('fleet: starting 3 API, 2 projector and 2 worker processes');
  const fleet = await startFleet({ apis: 3, projectors: 2, workers: 2 });
  const db = createPgClient({ connectionString: fleet.databaseUrl, maxConnections: 2 });
  try {
    const admin = await mintToken({ secret: fleet.secret, subject: 'bench-admin', role: 'admin', ttl: '2h' });
    const customer = await mintToken({
      secret: fleet.secret,
      subject: 'bench-customer',
      role: 'customer',
      ttl: '2h',
    });
    const post = async (path: string, body: unknown, token = admin) => {
      const response = await fetch(fleet.apis[0]!.commandUrl + path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    say('fleet: seeding the bench shop');
    for (const location of LOCATIONS) await post('/locations', { locationId: location, name: location });
    let last = '';
    for (let s = 0; s < SKUS; s++) {
      await post('/products', benchProduct(s));
      for (const receipt of benchReceipts(s))
        last = (await post('/stock/receipts', receipt)).headers.get('qm-position')!;
    }
    await projected(db, last);

    const load = (urls: string[]) => orderHttpLoad({ urls, token: customer, connections: CLIENTS, seconds });
    say('fleet: orders on one API process');
    const one = await load([fleet.apis[0]!.commandUrl]);
    say(`  ${Math.round(one.rps)} orders/s`);
    say('fleet: orders on three API processes');
    const three = await load(fleet.apis.map((api) => api.commandUrl));
    say(`  ${Math.round(three.rps)} orders/s`);
    // What the fleet holds of PostgreSQL's connections after a run at full load (the connection
    // budget in docs/deployment.md is checked against this).
    const held = await db.query<{ application_name: string; n: string }>(
      `select application_name, count(*)::text as n from pg_stat_activity
       where datname = current_database() group by 1 order by 1`,
    );
    say(
      `  connections held: ${held.map((row) => `${row.application_name || '(none)'} ${row.n}`).join(', ')}`,
    );

    say('fleet: SIGKILL of the active orders projector');
    const failover = await projectorFailover(fleet, db, (body) => post('/orders', body, customer));
    say(`  the standby projected an order ${failover.toFixed(2)} s after the kill`);
    return {
      orders_http_1api_per_s: { value: one.rps, unit: '1/s' },
      orders_http_3api_per_s: versus(three.rps, '1/s', 'orders_http_1api_per_s', one.rps),
      projector_failover_s: { value: failover, unit: 's' },
    };
  } catch (error) {
    // The load generator sees only status codes: show what the processes logged at error level.
    for (const [name, output] of fleet.outputs()) {
      const lines = output.split('\n');
      const fatal = lines.filter((line) => line && !line.startsWith('{')).slice(-8);
      if (fatal.length > 0) say(`${name} printed outside its log:\n${fatal.join('\n')}`);
      const errors = lines.filter((line) => /"level":(50|60)/.test(line));
      if (errors.length > 0)
        say(`${name} logged ${errors.length} errors; the first:\n${errors.slice(0, 3).join('\n')}`);
    }
    throw error;
  } finally {
    await db.close();
    await fleet.dispose();
  }
}

/** Waits until every read model has projected the write whose consistency token is `token`. */
async function projected(db: Parameters<typeof waitForCheckpoint>[0], token: string): Promise<void> {
  const position = parsePositionToken(token);
  if (!position || !(await waitForCheckpoint(db, FLEET_READ_MODELS, position, 300_000)))
    throw new Error('the fleet did not project the seed within 5 minutes');
}

async function projectorFailover(
  fleet: Fleet,
  db: Parameters<typeof waitForCheckpoint>[0] & { query: <T>(sql: string) => Promise<T[]> },
  placeOrder: (body: unknown) => Promise<Response>,
): Promise<number> {
  const active = await fleet.activeProjector('orders', (sql) => db.query<{ holder: string }>(sql));
  if (!active) throw new Error('no qm project process holds the orders lease');
  const killedAt = performance.now();
  active.child.kill('SIGKILL');
  const placed = await placeOrder({
    currency: 'EUR',
    lines: benchOrderLines(3),
    shippingAddress: benchAddress,
  });
  const position = parsePositionToken(placed.headers.get('qm-position')!)!;
  if (!(await waitForCheckpoint(db, ['orders'], position, 60_000)))
    throw new Error('the standby did not take over the orders projector within a minute');
  return (performance.now() - killedAt) / 1000;
}
