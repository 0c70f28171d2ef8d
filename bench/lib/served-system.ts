import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { freePort, spawnQm, spawnQmServe } from '../../test-support/qm-serve-process.ts';

export const BENCH_SECRET = 'http-bench-secret-0123456789abcdef0123456789';

/** A `qm serve` (and, API-only, its `qm project`) under benchmark, with its ports and tokens. */
export interface ServedSystem {
  writeUrl: string;
  readUrl: string;
  adminToken: string;
  customerToken: string;
  /** The server's pid, for CPU accounting. */
  pid: number;
  /** Every process of the setup (serve, and project when it runs apart). */
  pids: number[];
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Environment on top of the bench's own (service URLs, data root). */
  env: Record<string, string>;
  /** `--no-projectors --no-fanout`, with the projectors and fan-out in a `qm project` process. */
  apiOnly?: boolean;
  /** With `apiOnly`: no `qm project` at all, the command API with nothing behind it (a diagnosis). */
  alone?: boolean;
}

/** Starts `qm serve` as an operator would (one process, or API plus projector process). */
export async function startServedSystem(options: ServeOptions): Promise<ServedSystem> {
  const [port, readPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    ...options.env,
    AUTH_JWT_SECRET: BENCH_SECRET,
    PORT: String(port),
    READ_PORT: String(readPort),
    LOG_LEVEL: 'info',
    // The rate limiter stays on, as deployed, with budgets one client's load never spends: 16
    // connections from one address and one account are the bench, not an attack.
    QM_RATE_LIMITS: 'write.ip=100000000/60,write.account=100000000/60,read.ip=100000000/60',
  };
  // QM_BENCH_PROFILE_DIR: each process writes a CPU profile there when it stops (node --cpu-prof).
  const profileDir = process.env.QM_BENCH_PROFILE_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // Embedded chDB lets one process use a directory: apart, the API and the projector process each
  // get their own (a deployment with processes apart points CLICKHOUSE_URL at a server instead).
  const apart = (name: string): Record<string, string> =>
    env.CHDB_PATH ? { CHDB_PATH: join(env.CHDB_PATH, name) } : {};
  // The servers' logs go to files: through pipes, this process read every request's log line on
  // the cores under measurement (0.6 ms of CPU per checkout flow, 0.06 per order).
  const logs = mkdtempSync(join(tmpdir(), 'qm-bench-logs-'));
  const serve = spawnQmServe(
    { ...env, ...(options.apiOnly ? apart('api') : {}) },
    options.apiOnly ? ['--no-projectors', '--no-fanout'] : [],
    nodeArgs,
    { logFile: join(logs, 'serve.log') },
  );
  const children: ChildProcess[] = [serve.child];
  try {
    await serve.serving(120_000);
    if (options.apiOnly && !options.alone)
      children.push(
        spawnQm('project', { ...env, ...apart('projector') }, [], nodeArgs, {
          logFile: join(logs, 'project.log'),
        }).child,
      );
  } catch (error) {
    for (const child of children) child.kill('SIGKILL');
    rmSync(logs, { recursive: true, force: true });
    throw error;
  }
  const [adminToken, customerToken] = await Promise.all([
    mintToken({ secret: BENCH_SECRET, subject: 'bench-admin', role: 'admin', ttl: '2h' }),
    mintToken({ secret: BENCH_SECRET, subject: 'bench-customer', role: 'customer', ttl: '2h' }),
  ]);
  return {
    writeUrl: `http://127.0.0.1:${port}`,
    readUrl: `http://127.0.0.1:${readPort}`,
    adminToken,
    customerToken,
    pid: serve.child.pid!,
    pids: children.map((child) => child.pid!),
    stop: async () => {
      await stopAll(children);
      rmSync(logs, { recursive: true, force: true });
    },
  };
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(async (child) => {
      for (let waited = 0; child.exitCode === null && child.signalCode === null; waited += 100) {
        if (waited > 20_000) {
          child.kill('SIGKILL');
          break;
        }
        await sleep(100);
      }
    }),
  );
}

/** POSTs as an admin with a fresh Idempotency-Key; fails loudly on anything but 2xx. */
export async function post(system: ServedSystem, path: string, body: unknown): Promise<Response> {
  const response = await fetch(`${system.writeUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${system.adminToken}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response;
}
