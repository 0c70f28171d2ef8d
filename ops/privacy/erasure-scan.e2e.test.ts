import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { connect } from 'nats';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openAnalyticsClient } from '../../infra/analytics/analytics-client.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { deleteNatsStream } from '../../infra/bus/nats-bus.ts';
import { uuidV7Ids } from '../../infra/ids/uuid-v7-ids.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import { freePort, spawnQmServe, type QmServe } from '../../test-support/qm-serve-process.ts';
import { serviceUrls } from '../../test-support/service-urls.ts';
import { startSmtpSink, type SmtpSink } from '../../test-support/smtp-sink.ts';
import { waitUntil } from '../../test-support/wait-until.ts';

const SECRET = 'erasure-test-secret-of-at-least-32-characters';
const tag = randomBytes(3).toString('hex').toUpperCase();
/** The customer's personal strings: distinctive, so a hit anywhere is theirs and nobody else's. */
const personal = {
  name: `Zebulon Quillfeather ${tag}`,
  email: `zebulon.${tag.toLowerCase()}@quillmail.example`,
  line1: `77 Wyvernbrook Lane ${tag}`,
  phone: `+44 7700 900${tag}`,
  city: `Quillhaven${tag}`,
  postalCode: `QX${tag}`,
};
const needles = Object.values(personal);
const customerId = `cust-${tag.toLowerCase()}`;

/**
 * GDPR erasure end to end, on `qm serve` with PostgreSQL, NATS JetStream, Redis, chDB and SMTP:
 * a customer with distinctive personal strings places orders over HTTP, mail goes out, analytics
 * projects, a replay runs; then the customer is erased and every store is scanned through its own
 * query interface for those strings. None may remain, and a replay after the erasure gives the
 * same anonymised views.
 */
describe('erasure leaves no personal string in any store', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'qm-erasure-'));
  const natsStream = `QM_ERASE_${tag}`;
  const prefix = `erase${tag.toLowerCase()}`;
  let database: TestDatabase | undefined;
  let sql: SqlClient | undefined;
  let smtp: SmtpSink | undefined;
  let qm: QmServe | undefined;
  afterAll(async () => {
    if (qm?.child.exitCode === null) qm.child.kill('SIGKILL');
    await sql?.close();
    await database?.drop();
    await smtp?.close();
    await deleteNatsStream(serviceUrls().nats, natsStream).catch(() => undefined);
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('scans PostgreSQL, ClickHouse, NATS, Redis and the outbox clean', { timeout: 240_000 }, async () => {
    database = await createTestDatabase();
    sql = createPgClient({ connectionString: database.url, maxConnections: 2 });
    smtp = await startSmtpSink();
    const ports = { PORT: await freePort(), READ_PORT: await freePort() };
    const urls = serviceUrls();
    qm = spawnQmServe({
      HOST: '127.0.0.1',
      PORT: String(ports.PORT),
      READ_PORT: String(ports.READ_PORT),
      AUTH_JWT_SECRET: SECRET,
      QM_DATA_DIR: join(dataRoot, 'data'),
      CHDB_PATH: join(dataRoot, 'chdb'),
      DATABASE_URL: database.url,
      NATS_URL: urls.nats,
      NATS_STREAM: natsStream,
      NATS_SUBJECT_PREFIX: prefix,
      REDIS_URL: urls.redis,
      SMTP_URL: smtp.url,
    });
    await qm.serving(90_000);
    const write = `http://127.0.0.1:${ports.PORT}`;
    const read = `http://127.0.0.1:${ports.READ_PORT}`;
    const admin = `Bearer ${await mintToken({ secret: SECRET, role: 'admin', subject: 'admin-1' })}`;
    const customer = `Bearer ${await mintToken({ secret: SECRET, role: 'customer', subject: customerId })}`;
    const post = async (path: string, body: unknown, authorization = admin) => {
      const response = await fetch(`${write}${path}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', 'idempotency-key': uuidV7Ids.newId() },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      expect(response.status, `${path}: ${text}`).toBeLessThan(300);
      return text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    const get = async (path: string, authorization = admin, after?: string) => {
      const response = await fetch(`${read}${path}`, {
        headers: { authorization, ...(after ? { 'x-consistency-token': after } : {}) },
      });
      expect(response.status, `${path}`).toBe(200);
      return response;
    };

    // The shop, and the customer's address book entry the notification consumer mails.
    await post('/locations', { locationId: 'berlin', name: 'Berlin' });
    await post('/products', {
      productId: 'p1',
      sku: 'P1',
      price: { amount: 999, currency: 'EUR' },
      name: 'Widget',
      brand: 'Acme',
      category: 'tools',
    });
    await post('/stock/receipts', { sku: 'P1', location: 'berlin', quantity: 100 });
    await sql.query('insert into qm_customer_contacts (customer_id, email) values ($1, $2)', [
      customerId,
      personal.email,
    ]);

    const address = {
      name: personal.name,
      line1: personal.line1,
      line2: personal.phone,
      city: personal.city,
      postalCode: personal.postalCode,
      region: null,
      country: 'GB',
    };
    const orderIds: string[] = [];
    let position = '';
    for (let i = 0; i < 2; i++) {
      const placed = await post(
        '/orders',
        { currency: 'EUR', lines: [{ productId: 'p1', quantity: 1 + i }], shippingAddress: address },
        customer,
      );
      orderIds.push(String(placed.orderId));
      position = String(placed.position);
    }

    // Reads fill the cache; mail goes out; analytics projects.
    for (const orderId of orderIds) {
      const detail = (await (await get(`/orders/${orderId}`, customer, position)).json()) as {
        shippingAddress: { name: string };
      };
      expect(detail.shippingAddress.name).toBe(personal.name);
    }
    await get('/me/orders', customer, position);
    await waitUntil(
      'two confirmations over SMTP',
      () => smtp!.received.filter((mail) => mail.to.includes(personal.email)).length >= 2,
      60_000,
    );
    const before = unzipSync(new Uint8Array(await (await get('/me/data', customer)).arrayBuffer()));
    expect(strFromU8(before['events.json']!)).toContain(personal.name);
    expect((JSON.parse(strFromU8(before['manifest.json']!)) as { subject: string }).subject).toBe(customerId);

    // The NATS stream holds the events sealed, even before the erasure.
    const natsBefore = await natsMessages(urls.nats, natsStream);
    expect(natsBefore.length).toBeGreaterThan(0);
    expect(hits(natsBefore.join('\n'))).toEqual([]);

    // A replay of the orders read model before the erasure (it must not bring plain text back after).
    const replayed = await fetch(`${write}/admin/projections/orders/replay`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(replayed.status).toBe(200);
    expect(await replayed.text()).toContain('"done"');

    let lastSeen = '';
    const erased = await post(`/admin/customers/${customerId}/erase`, { reason: 'art. 17 request' });
    expect(erased.orderIds).toEqual(expect.arrayContaining(orderIds));

    // Projectors and consumers react: the views read as erased, the mail tables follow.
    await waitUntil(
      'the orders view to read as erased',
      async () => {
        const detail = (await (
          await get(`/orders/${orderIds[0]}`, customer, String(erased.position))
        ).json()) as {
          shippingAddress: { name: string };
        };
        if (detail.shippingAddress.name !== '[erased]') lastSeen = JSON.stringify(detail);
        return detail.shippingAddress.name === '[erased]';
      },
      30_000,
    ).catch(async (error: unknown) => {
      const rows = await sql!.query(`select schema_name from information_schema.schemata`);
      const events = await sql!.query(`select stream, type from qm_events order by position desc limit 3`);
      throw new Error(
        `${String(error)}: ${lastSeen} ${JSON.stringify(rows)} ${JSON.stringify(events)} ${qm!.output().slice(-3000)}`,
      );
    });
    await waitUntil(
      'the notification consumer to handle CustomerErased',
      async () =>
        (await sql!.query('select 1 from qm_notification_handled where event_type = $1', ['CustomerErased']))
          .length === 1,
      30_000,
    );
    const views = async () =>
      Promise.all(orderIds.map(async (id) => (await get(`/orders/${id}`, admin)).json()));
    const anonymised = await views();
    expect(JSON.stringify(anonymised)).toContain('[erased]');
    const after = unzipSync(
      new Uint8Array(await (await get(`/admin/customers/${customerId}/data`)).arrayBuffer()),
    );
    expect(
      hits(
        Object.values(after)
          .map((bytes) => strFromU8(bytes))
          .join('\n'),
      ),
    ).toEqual([]);

    // A replay from zero after the erasure gives the same anonymised views.
    const again = await fetch(`${write}/admin/projections/orders/replay`, {
      method: 'POST',
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await again.text()).toContain('"done"');
    expect(await views()).toEqual(anonymised);

    // Stop the server (chDB is embedded in it), then scan every store.
    qm.child.kill('SIGTERM');
    await qm.exited(60_000);

    const found: Record<string, string[]> = {
      postgres: await scanPostgres(sql),
      clickhouse: await scanClickhouse(join(dataRoot, 'chdb')),
      nats: hits((await natsMessages(urls.nats, natsStream)).join('\n')),
      redis: await scanRedis(urls.redis),
    };
    expect(found).toEqual({ postgres: [], clickhouse: [], nats: [], redis: [] });
    // The outbox and deliveries are PostgreSQL tables (scanned above); they did hold the mail.
    const mails = await sql.query<{ n: string }>(
      `select count(*)::text as n from qm_mail_deliveries where recipient = '[erased]'`,
    );
    expect(Number(mails[0]!.n)).toBeGreaterThanOrEqual(2);
  });
});

function hits(text: string): string[] {
  return needles.filter((needle) => text.includes(needle));
}

/** Every text, json, jsonb, varchar and bytea column of every table in every schema, row by row. */
async function scanPostgres(sql: SqlClient): Promise<string[]> {
  const columns = await sql.query<{ schema: string; table: string; column: string; type: string }>(
    `select c.table_schema as schema, c.table_name as table, c.column_name as column, c.data_type as type
     from information_schema.columns c join information_schema.tables t
       on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema not in ('pg_catalog', 'information_schema')
       and c.data_type in ('text', 'json', 'jsonb', 'character varying', 'bytea', 'ARRAY')`,
  );
  expect(columns.some((c) => c.table === 'qm_events')).toBe(true);
  expect(columns.some((c) => c.table === 'qm_mail_outbox')).toBe(true);
  const found: string[] = [];
  for (const { schema, table, column, type } of columns) {
    const value = type === 'bytea' ? `encode("${column}", 'escape')` : `"${column}"::text`;
    const rows = await sql.query<{ v: string | null }>(`select ${value} as v from "${schema}"."${table}"`);
    for (const row of rows) {
      for (const needle of hits(row.v ?? '')) found.push(`${schema}.${table}.${column}: ${needle}`);
    }
  }
  return found;
}

/** Every table of every non-system ClickHouse database, every row as JSON. */
async function scanClickhouse(chdbPath: string): Promise<string[]> {
  const analytics = await openAnalyticsClient({ database: 'analytics', chdbPath });
  try {
    const tables = await (
      await analytics.client.query({
        query: `select database, name from system.tables
                where database not in ('system', 'INFORMATION_SCHEMA', 'information_schema')
                  and engine not in ('View', 'MaterializedView')`,
        format: 'JSONEachRow',
      })
    ).json<{ database: string; name: string }>();
    expect(tables.some((t) => t.name === 'raw_events')).toBe(true);
    const found: string[] = [];
    let rows = 0;
    for (const { database, name } of tables) {
      const text = await (
        await analytics.client.query({
          query: `select * from \`${database}\`.\`${name}\``,
          format: 'JSONEachRow',
        })
      ).text();
      rows += text.split('\n').length;
      for (const needle of hits(text)) found.push(`${database}.${name}: ${needle}`);
    }
    expect(rows).toBeGreaterThan(2);
    return found;
  } finally {
    await analytics.close();
  }
}

/** Every message retained in the JetStream stream, subject and payload. */
async function natsMessages(url: string, stream: string): Promise<string[]> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    const { state } = await jsm.streams.info(stream);
    const messages: string[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (message) messages.push(`${message.subject} ${new TextDecoder().decode(message.data)}`);
    }
    return messages;
  } finally {
    await nc.close();
  }
}

/** Every key of the Redis database, whatever its type, with its values. */
async function scanRedis(url: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', '1000');
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const values =
          type === 'string'
            ? [await redis.getBuffer(key).then((b) => b?.toString('latin1') ?? '')]
            : type === 'hash'
              ? Object.entries(await redis.hgetall(key)).flat()
              : type === 'set'
                ? await redis.smembers(key)
                : type === 'zset'
                  ? await redis.zrange(key, '0', '-1')
                  : type === 'list'
                    ? await redis.lrange(key, 0, -1)
                    : [];
        for (const needle of hits([key, ...values].join('\n'))) found.push(`${key}: ${needle}`);
      }
    } while (cursor !== '0');
    return found;
  } finally {
    redis.disconnect();
  }
}
