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
  database: TestDatabase;
  system: Awaited<ReturnType<typeof openSystem>>;
  /** `http://127.0.0.1:<port>` of the command API, the read API and (with `metricsPort`) the metrics. */
  urls: { command: string; read: string; metrics?: string };
  /** Every JSON log line the system wrote (level info and above). */
  logLines(): Record<string, unknown>[];
  /** POSTs as an admin with a fresh Idempotency-Key. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
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
 */
export async function servedSystem(env: Record<string, string> = {}): Promise<ServedSystem> {
  const database = await createTestDatabase('qm_obs');
  const bus = busUnderTest('nats');
  const dir = mkdtempSync(join(tmpdir(), 'qm-served-'));
  const config = loadConfig({
    DATABASE_URL: database.url,
    NATS_URL: serviceUrls().nats,
    NATS_STREAM: bus.stream,
    NATS_SUBJECT_PREFIX: bus.subjectPrefix,
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
  const admin = await mintToken({ secret: SECRET, role: 'admin', subject: 'obs-admin' });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${urls.command}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin}`,
        'idempotency-key': randomUUID(),
        ...headers,
      },
      body: JSON.stringify(body),
    });
  return {
    config,
    database,
    system,
    urls,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    post,
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
      await bus.dispose();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
