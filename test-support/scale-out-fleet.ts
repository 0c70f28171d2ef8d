import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteNatsStream } from '../infra/bus/nats-bus.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import {
  freePort,
  LOAD_TEST_RATE_LIMITS,
  spawnQm,
  spawnQmServe,
  type QmProcess,
} from './qm-serve-process.ts';
import { serviceUrls } from './service-urls.ts';

/** One `qm serve --no-projectors --no-fanout` of the fleet: its two ports. */
export interface FleetApi {
  process: QmProcess;
  commandUrl: string;
  readUrl: string;
}

/**
 * A deployment of several processes on one PostgreSQL database, the machine's Redis and NATS:
 * API processes that only serve, `qm project` processes for the read models (one active per
 * projector, the others waiting on its lease) and `qm work --no-projectors` processes for the
 * publisher and the consumers. What issue 21 asks to prove on real engines: failover, and caches,
 * rate limits and sessions that hold across the API processes.
 */
export interface Fleet {
  apis: FleetApi[];
  projectors: QmProcess[];
  workers: QmProcess[];
  databaseUrl: string;
  secret: string;
  /** Another `qm` command on the fleet's database and services (`qm replay orders`, say). */
  run(command: string, args: readonly string[]): QmProcess;
  /** The `qm project` process whose instance holds `projection`'s lease now, if any. */
  activeProjector(
    projection: string,
    query: (sql: string) => Promise<{ holder: string }[]>,
  ): Promise<QmProcess | undefined>;
  /** Each process's name (`api0`, `projector1`, `worker0`) and its output so far. */
  outputs(): [string, string][];
  /** Kills every process (SIGKILL), drops the database and the NATS stream, removes the data roots. */
  dispose(): Promise<void>;
}

export interface FleetOptions {
  apis: number;
  projectors: number;
  workers: number;
  /** `QM_RATE_LIMITS` for the API processes (default: the load-test budgets). */
  rateLimits?: string;
  /** More environment for every process. */
  env?: Record<string, string>;
}

/** The read models the `qm project` processes run (the ClickHouse projector stays out: embedded chDB is one process's). */
export const FLEET_READ_MODELS = ['catalog', 'inventory', 'orders', 'audit', 'replenishment'];

/**
 * Connections per process. The default 20 times 7 processes is more than PostgreSQL's default
 * max_connections of 100, and the API processes under load then answer 503 (see the connection
 * budget in docs/deployment.md): 3 × (10 + 2 for the decision lock + 1 listening) + 4 × (4 + 1),
 * 59, plus one session per lease held (schedulers, projectors, publisher), leaves room for the
 * tests' own clients.
 */
const POOL = { api: 10, background: 4 };

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const tag = randomBytes(4).toString('hex');
  const root = mkdtempSync(join(tmpdir(), 'qm-fleet-'));
  const database: TestDatabase = await createTestDatabase('qm_fleet');
  const urls = serviceUrls();
  const secret = `fleet-secret-${tag}-0123456789abcdef`;
  const stream = `QM_FLEET_${tag}`;
  const shared = {
    DATABASE_URL: database.url,
    REDIS_URL: urls.redis,
    NATS_URL: urls.nats,
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: `fleet${tag}`,
    AUTH_JWT_SECRET: secret,
    ...options.env,
  };
  const own = (name: string) => ({
    QM_DATA_DIR: join(root, name, 'data'),
    CHDB_PATH: join(root, name, 'chdb'),
  });
  const fleet: Fleet = {
    apis: [],
    projectors: [],
    workers: [],
    databaseUrl: database.url,
    secret,
    run: (command, args) =>
      spawnQm(command, { ...shared, ...own(`${command}-${randomBytes(2).toString('hex')}`) }, args),
    async activeProjector(projection, query) {
      const rows = await query(
        `select holder from qm_projection_leases where name = '${projection}' and expires_at > now()`,
      );
      const pid = Number(rows[0]?.holder.split(':')[1]);
      return fleet.projectors.find((p) => p.child.pid === pid);
    },
    outputs: () => [
      ...fleet.apis.map((api, i): [string, string] => [`api${i}`, api.process.output()]),
      ...fleet.projectors.map((p, i): [string, string] => [`projector${i}`, p.output()]),
      ...fleet.workers.map((p, i): [string, string] => [`worker${i}`, p.output()]),
    ],
    async dispose() {
      const all = [...fleet.apis.map((api) => api.process), ...fleet.projectors, ...fleet.workers];
      for (const p of all)
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
      await Promise.all(all.map((p) => p.exited(10_000).catch(() => undefined)));
      await database.drop();
      await deleteNatsStream(urls.nats, stream).catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    const startApi = async (i: number) => {
      const [port, readPort] = [await freePort(), await freePort()];
      const process = spawnQmServe(
        {
          ...shared,
          ...own(`api${i}`),
          HOST: '127.0.0.1',
          PORT: String(port),
          READ_PORT: String(readPort),
          // The tests speak for many clients from one address, as a proxy in front would.
          QM_TRUSTED_PROXY_HOPS: '1',
          QM_RATE_LIMITS: options.rateLimits ?? LOAD_TEST_RATE_LIMITS,
          PG_POOL_SIZE: String(POOL.api),
        },
        ['--no-projectors', '--no-fanout'],
      );
      fleet.apis.push({
        process,
        commandUrl: `http://127.0.0.1:${port}`,
        readUrl: `http://127.0.0.1:${readPort}`,
      });
      await process.serving(240_000);
    };
    // The first one migrates the database; the others start on a migrated one.
    await startApi(0);
    const starting: Promise<void>[] = [];
    for (let i = 1; i < options.apis; i++) starting.push(startApi(i));
    for (let i = 0; i < options.projectors; i++) {
      const process = spawnQm(
        'project',
        { ...shared, ...own(`projector${i}`), PG_POOL_SIZE: String(POOL.background) },
        FLEET_READ_MODELS,
      );
      fleet.projectors.push(process);
      starting.push(process.logged('projectors running', 240_000));
    }
    for (let i = 0; i < options.workers; i++) {
      const process = spawnQm(
        'work',
        { ...shared, ...own(`worker${i}`), PG_POOL_SIZE: String(POOL.background) },
        ['--no-projectors', '--no-analytics'],
      );
      fleet.workers.push(process);
      starting.push(process.logged('qm work: projectors, publisher and consumers running', 240_000));
    }
    await Promise.all(starting);
    return fleet;
  } catch (error) {
    await fleet.dispose();
    throw error;
  }
}
