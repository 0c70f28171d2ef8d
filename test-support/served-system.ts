import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig, type Config } from '../infra/config/config.ts';
import { mintToken } from '../infra/auth/mint-token.ts';
import type { Logger } from '../infra/logging/logger.ts';
import { openSystem } from '../ops/compose/system.ts';
import { listen, type BoundServer } from '../ops/server/listen.ts';
import { systemPortApps } from '../ops/server/system-port-apps.ts';
import { busUnderTest } from './bus-under-test.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { productInput } from './product-input.ts';
import { serviceUrls } from './service-urls.ts';
import { berlinAddress } from './addresses.ts';

const SECRET = 'served-system-test-secret-0123456789';

export interface ServedSystem {
  config: Config;
  /** Its own PostgreSQL database; null on PGlite (the data root holds it). */
  database: TestDatabase | null;
  system: Awaited<ReturnType<typeof openSystem>>;
  /** `http://127.0.0.1:<port>` of the command API, the read API and (with `metricsPort`) the metrics. */
  urls: { command: string; read: string; metrics?: string };
  /** Every JSON log line the system wrote (level info and above). */
  logLines(): Record<string, unknown>[];
  /** POSTs as an admin with a fresh Idempotency-Key. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /**
   * A request to one of the APIs as a client makes it: JSON body, the bearer token when given
   * (null: none), and a fresh Idempotency-Key on every POST unless `headers` names one.
   */
  send(
    api: 'command' | 'read',
    method: string,
    path: string,
    options?: { token?: string | null; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** A JWT for `subject` with `role`, signed as `qm token` signs (the system's AUTH_JWT_SECRET). */
  token(role: 'customer' | 'staff' | 'admin', subject: string): Promise<string>;
  /** A location, a product (`p-1`) and 100 in stock, through the command API. */
  seedShop(): Promise<void>;
  /** Places an order for one `p-1`. */
  placeOrder(headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * `qm serve` in this process, as it serves: the whole system (`openSystem`) on a PostgreSQL
 * database of its own, NATS on a stream of its own, embedded chDB in a temporary directory, its
 * ports bound on free ports (`systemPortApps`, the code `qm serve` runs), and its log kept.
 * With `backend: 'pglite'` it is the embedded mode instead: PGlite in a temporary data root and
 * the in-process bus (no URLs), as `qm serve` runs on a laptop.
 */
export async function servedSystem(
  env: Record<string, string> = {},
  options: { backend?: 'postgres' | 'pglite' } = {},
): Promise<ServedSystem> {
  const embedded = options.backend === 'pglite';
  const database = embedded ? null : await createTestDatabase('qm_obs');
  const bus = embedded ? null : busUnderTest('nats');
  const dir = mkdtempSync(join(tmpdir(), 'qm-served-'));
  const config = loadConfig({
    ...(database && bus
      ? {
          DATABASE_URL: database.url,
          NATS_URL: serviceUrls().nats,
          NATS_STREAM: bus.stream,
          NATS_SUBJECT_PREFIX: bus.subjectPrefix,
        }
      : {}),
    QM_DATA_DIR: dir,
    CHDB_PATH: join(dir, 'analytics'),
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: 'info',
    ...env,
  });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const log: Logger = pino({ level: 'info' }, sink);
  const system = await openSystem(config, log, { projectors: true, fanout: true });
  const metricsPort = config.METRICS_PORT !== undefined;
  const apps = systemPortApps(config, log, system, { metricsPort });
  const servers: BoundServer[] = [];
  const serve = async (app: Parameters<BoundServer['serve']>[0]) => {
    const server = await listen({ hostname: '127.0.0.1', port: 0, what: 'a test port', variable: 'PORT' });
    server.serve(app);
    servers.push(server);
    const address = server.server.address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  };
  const urls = {
    command: await serve(apps.command),
    read: await serve(apps.read),
    ...(metricsPort ? { metrics: await serve(apps.metrics) } : {}),
  };
  const token = (role: 'customer' | 'staff' | 'admin', subject: string) =>
    mintToken({ secret: SECRET, role, subject });
  const admin = await token('admin', 'obs-admin');
  const send: ServedSystem['send'] = (api, method, path, { token = null, body, headers = {} } = {}) =>
    fetch(`${urls[api]}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(method === 'POST' && !Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key')
          ? { 'idempotency-key': randomUUID() }
          : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    send('command', 'POST', path, { token: admin, body, headers });
  return {
    config,
    database,
    system,
    urls,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    post,
    send,
    token,
    async seedShop() {
      for (const [path, body] of [
        ['/locations', { locationId: 'berlin', name: 'Berlin' }],
        ['/products', productInput('p-1')],
        ['/stock/receipts', { sku: 'SKU-p-1', location: 'berlin', quantity: 100 }],
      ] as const) {
        const response = await post(path, body);
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      }
    },
    placeOrder: (headers = {}) =>
      post(
        '/orders',
        {
          customerId: 'cust-1',
          currency: 'EUR',
          lines: [{ productId: 'p-1', quantity: 1 }],
          shippingAddress: berlinAddress,
        },
        headers,
      ),
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.server.close(() => resolve());
              s.server.closeAllConnections();
            }),
        ),
      );
      await system.close();
      await bus?.dispose();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
