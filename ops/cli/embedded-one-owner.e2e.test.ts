/**
 * Embedded mode, one owner (issue 13, point 1): `qm serve` runs as a real child process on a
 * temporary data root, and the `qm` commands an operator runs beside it (replay, projection status
 * and skip, mail contact and retry, stream show and at, analytics query and report) run as child
 * processes too, among writes over HTTP. They must work through the server's admin API and never
 * open the directory themselves: on the old code they opened PGlite beside the server, and writes
 * the server had answered 201 for were gone after a restart. Commands that have no admin route
 * (`qm migrate`) and `qm project` refuse, naming the owner's pid and ports. The server is then
 * stopped, a lock naming a dead process is left in its place (a killed owner), and a new server
 * must take over, still hold every acknowledged write, and have read models equal to a rebuild.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { activeSchema } from '../../projections/runtime/checkpoints.ts';
import { checksumSchema } from '../../projections/runtime/checksum.ts';
import { replayProjection } from '../../projections/runtime/replay.ts';
import { berlinAddress } from '../../test-support/addresses.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { LOAD_TEST_RATE_LIMITS } from '../../test-support/qm-serve-process.ts';
import { openProjectorContext } from '../compose/projectors.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'ops', 'cli', 'main.ts');
const root = mkdtempSync(join(tmpdir(), 'qm-embedded-owner-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

/** The embedded mode only: no server the test environment names for other tests. */
function embeddedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QM_DATA_DIR: root,
    LOG_LEVEL: 'warn',
    QM_RATE_LIMITS: LOAD_TEST_RATE_LIMITS,
    ...extra,
  };
  for (const key of [
    'DATABASE_URL',
    'EVENTSTORE_URL',
    'QM_EVENT_STORE',
    'REDIS_URL',
    'NATS_URL',
    'CLICKHOUSE_URL',
    'CHDB_PATH',
    'SMTP_URL',
    'AUTH_JWT_SECRET',
    'AUTH_JWKS_URL',
  ]) {
    delete env[key];
  }
  return env;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One `qm` command as its own process, as an operator runs it in a second terminal. */
async function qm(...args: string[]): Promise<Ran> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: repoRoot,
    env: embeddedEnv(),
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

interface Server {
  child: ChildProcess;
  command: string;
  read: string;
  ports: { command: number; read: number };
}

async function startServer(): Promise<Server> {
  const ports = { command: await freePort(), read: await freePort() };
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve'], {
    cwd: repoRoot,
    env: embeddedEnv({ PORT: String(ports.command), READ_PORT: String(ports.read) }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const server = {
    child,
    command: `http://127.0.0.1:${ports.command}`,
    read: `http://127.0.0.1:${ports.read}`,
    ports,
  };
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`qm serve exited with ${child.exitCode}`);
        const answers = await Promise.all(
          [server.command, server.read].map((base) =>
            fetch(`${base}/health`).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        );
        // Serving, and the lock names where (what the CLI reads to find the server).
        return answers.every(Boolean) && readLock().api?.readPort === ports.read;
      },
      { timeout: 45_000, interval: 100 },
    )
    .toBe(true);
  return server;
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  expect(server.child.exitCode).toBe(0);
}

const lockFile = join(root, 'owner.lock');
const readLock = () =>
  existsSync(lockFile)
    ? (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; api?: { readPort: number } })
    : { pid: 0 };

/** Every write the server acknowledged: where its event must be, and at which position. */
interface Acknowledged {
  path: string;
  stream: string;
  position: string;
}

describe('embedded mode: one process owns the data root, and the CLI works beside it', () => {
  it(
    'keeps every acknowledged write and equal read models through CLI commands, a restart and a stale lock',
    { timeout: 300_000 },
    async () => {
      let server = await startServer();
      const secret = readFileSync(join(root, 'secrets', 'jwt-secret'), 'utf8').trim();
      const token = await mintToken({ secret, subject: 'admin-e2e', role: 'admin', ttl: '15m' });
      const auth = { authorization: `Bearer ${token}` };
      const acknowledged: Acknowledged[] = [];
      const write = async (path: string, stream: string, body: unknown) => {
        const response = await fetch(`${server.command}${path}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { position?: string };
        expect(response.status, `${path}: ${JSON.stringify(answer)}`).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(300);
        acknowledged.push({ path, stream, position: answer.position! });
      };
      const eur = (amount: number) => ({ amount, currency: 'EUR' });
      const order = (orderId: string) =>
        write('/orders', `order-${orderId}`, {
          orderId,
          customerId: 'c1',
          currency: 'EUR',
          lines: [{ productId: 'p1', quantity: 1 }],
          shippingAddress: berlinAddress,
        });

      await write('/locations', 'location-berlin', { locationId: 'berlin', name: 'Berlin' });
      await write('/products', 'product-p1', {
        productId: 'p1',
        sku: 'SKU-1',
        price: eur(1000),
        name: 'Spanner',
        description: '',
        brand: 'Acme',
        category: 'tools',
        attributes: {},
        allowBackorder: false,
      });
      await write('/stock/receipts', 'stock-SKU-1@berlin', {
        sku: 'SKU-1',
        location: 'berlin',
        quantity: 50,
      });
      await order('order-1');

      // The first reproduction: contact, order, replay, order; the old code lost them all.
      const contact = await qm('mail', 'contact', 'c1', 'c1@example.com');
      expect(contact.stderr).toBe('');
      expect(contact.code).toBe(0);
      await order('order-2');
      await write('/products/p1/price', 'product-p1', { price: eur(1200), reason: 'supplier price up' });
      const replay = await qm('replay', 'catalog');
      expect(replay.stderr).toBe('');
      expect(replay.stdout).toMatch(/catalog: generation 2 serves/);
      await order('order-3');
      await write('/locations', 'location-hamburg', { locationId: 'hamburg', name: 'Hamburg' });

      // Everything projected (analytics included), so the reads below see all of it. The store's head,
      // not the last write: the forecasting consumer appends after orders too.
      const head = acknowledged.at(-1)!.position;
      await expect
        .poll(
          async () => {
            const status = (await (
              await fetch(`${server.read}/admin/projections`, { headers: auth })
            ).json()) as {
              head: string;
              projectors: { position: string | null }[];
            };
            return status.projectors.length > 0 && status.projectors.every((p) => p.position === status.head);
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBe(true);

      const [status, show, at, query, report, skip, retry, parked, migrate, project] = await Promise.all([
        qm('projection', 'status', '--json'),
        qm('stream', 'show', 'order-order-2', '--json'),
        qm('stream', 'at', 'product-p1', '--at', acknowledged[1]!.position, '--json'),
        qm('analytics', 'query', 'SELECT count() AS orders FROM order_lines', '--format', 'json'),
        qm('analytics', 'report', 'sales', '--format', 'json'),
        qm('projection', 'skip', 'catalog', '0:0', '--reason', 'e2e'),
        qm('mail', 'retry', 'event-1/order-confirmation/abc'),
        qm('mail', 'parked'),
        qm('migrate'),
        qm('project'),
      ]);

      const report1 = JSON.parse(status.stdout) as { projectors: { name: string; generation: number }[] };
      expect(report1.projectors.find((p) => p.name === 'catalog')?.generation).toBe(2);
      expect((JSON.parse(show.stdout) as { events: { type: string }[] }).events[0]?.type).toBe('OrderPlaced');
      const state = JSON.parse(at.stdout) as { asOf: { position: string } };
      expect(state.asOf.position).toBe(acknowledged[1]!.position);
      expect(JSON.parse(query.stdout)).toEqual({ orders: '3' });
      expect(report.code, report.stderr).toBe(0);
      // Refusals that only the server can give: it knows the checkpoint and the deliveries.
      expect(skip.stderr).toMatch(/answered 422: position 0:0 is at or before catalog's checkpoint/);
      expect(retry.stderr).toMatch(/answered 404: No parked delivery event-1\/order-confirmation\/abc/);
      expect(parked.stdout.trim()).toBe('No parked mail.');

      const pid = server.child.pid!;
      for (const refused of [migrate, project]) {
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`pid ${pid}`);
        expect(refused.stderr).toContain(`command API http://127.0.0.1:${server.ports.command}`);
        expect(refused.stderr).toContain(`read API http://127.0.0.1:${server.ports.read}`);
      }
      expect(migrate.stderr).toMatch(/Stop that server/);
      expect(project.stderr).toMatch(/embedded means one process/);

      await stopServer(server);
      expect(existsSync(lockFile)).toBe(false);
      // A killed owner's lock: its pid is gone (a process that has exited), its ports answer nothing.
      const dead = spawn(process.execPath, ['-e', '']);
      await once(dead, 'exit');
      writeFileSync(
        lockFile,
        JSON.stringify({
          pid: dead.pid,
          command: 'qm serve',
          startedAt: new Date(Date.now() - 60_000).toISOString(),
          nonce: 'killed-owner',
          api: { host: '127.0.0.1', commandPort: 9, readPort: 9 },
        }),
      );

      server = await startServer();
      expect(readLock().pid).toBe(server.child.pid);
      for (const write of acknowledged) {
        const response = await fetch(
          `${server.read}/admin/streams/${encodeURIComponent(write.stream)}/events`,
          {
            headers: auth,
          },
        );
        const { events } = (await response.json()) as { events: { position: string }[] };
        expect(
          events.map((e) => e.position),
          `${write.path} answered 2xx at ${write.position}`,
        ).toContain(write.position);
      }
      const product = await fetch(`${server.read}/products/p1`, { headers: { 'x-consistency-token': head } });
      expect(product.status).toBe(200);
      expect(await product.json()).toMatchObject({ price: { amount: 1200 } });
      for (const orderId of ['order-1', 'order-2', 'order-3']) {
        const answer = await fetch(`${server.read}/orders/${orderId}`, {
          headers: { ...auth, 'x-consistency-token': head },
        });
        expect(answer.status, orderId).toBe(200);
      }
      await stopServer(server);
      // Every read model equals a rebuild from the log (the server is stopped: this test owns the root).
      const config = loadConfig({ QM_DATA_DIR: root, LOG_LEVEL: 'silent' });
      const context = await openProjectorContext(config, createLogger('silent'));
      try {
        const [contactRow] = await context.database.query<{ email: string }>(
          "select email from qm_customer_contacts where customer_id = 'c1'",
        );
        expect(contactRow?.email).toBe('c1@example.com');
        for (const projection of context.catalog.readModels) {
          const live = await checksumSchema(
            context.database,
            await activeSchema(context.database, projection.name),
          );
          await replayProjection(context, { kind: 'read_model', projection });
          const rebuilt = await checksumSchema(
            context.database,
            await activeSchema(context.database, projection.name),
          );
          expect(rebuilt, projection.name).toEqual(live);
        }
      } finally {
        await context.close();
      }
    },
  );
});
