import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { productInput } from '../../test-support/product-input.ts';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.ts';
import { freePort, spawnQmServe, type QmServe } from '../../test-support/qm-serve-process.ts';

const SECRET = 'background-worker-test-secret-0123456789';

/** The pids `qm serve` logged for its background worker, in order ('background worker ready'). */
function workerPids(qm: QmServe): number[] {
  return qm
    .output()
    .split('\n')
    .filter((line) => line.includes('background worker ready'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * `qm serve` on PostgreSQL runs its projectors and consumers in a `qm work` process it supervises:
 * the read models follow the writes (a read with the write's consistency token sees it, and a
 * cached read is invalidated), a killed worker is started again and catches up, and stopping the
 * server stops the worker with it.
 */
describe('qm serve with its background worker (PostgreSQL)', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'qm-worker-'));
  let database: TestDatabase | undefined;
  let qm: QmServe | undefined;
  afterAll(async () => {
    if (qm?.child.exitCode === null) qm.child.kill('SIGKILL');
    for (const pid of qm ? workerPids(qm) : []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await database?.drop();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it(
    'projects through the worker, restarts it when it dies, and stops it on shutdown',
    { timeout: 120_000 },
    async () => {
      database = await createTestDatabase();
      const [port, readPort] = [await freePort(), await freePort()];
      qm = spawnQmServe({
        HOST: '127.0.0.1',
        PORT: String(port),
        READ_PORT: String(readPort),
        AUTH_JWT_SECRET: SECRET,
        DATABASE_URL: database.url,
        QM_DATA_DIR: join(dataRoot, 'data'),
        CHDB_PATH: join(dataRoot, 'chdb'),
      });
      await qm.serving(60_000);
      const [firstWorker] = workerPids(qm);
      expect(firstWorker).toBeGreaterThan(0);
      const admin = await mintToken({ secret: SECRET, subject: 'admin-1', role: 'admin' });
      const write = (path: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${admin}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(body),
        });
      const read = (path: string, token?: string) =>
        fetch(`http://127.0.0.1:${readPort}${path}`, {
          headers: { authorization: `Bearer ${admin}`, ...(token ? { 'x-consistency-token': token } : {}) },
        });

      const created = await write('/products', productInput('w1', { name: 'Before' }));
      expect(created.status).toBe(201);
      const first = await read('/products/w1', created.headers.get('qm-position')!);
      expect(first.headers.get('x-stale')).toBeNull();
      expect(((await first.json()) as { name: string }).name).toBe('Before');

      // The cached answer is dropped when the worker projects the change (told over IPC, no Redis).
      const renamed = await write('/products/w1/update', { changes: { name: 'After' } });
      expect(renamed.status).toBe(200);
      let name = '';
      for (let tries = 0; tries < 50 && name !== 'After'; tries++, await sleep(100)) {
        name = ((await (await read('/products/w1')).json()) as { name: string }).name;
      }
      expect(name).toBe('After');

      // Killed, the worker comes back and catches up.
      process.kill(firstWorker!, 'SIGKILL');
      // Restarted after 0.5 s; a new process under tsx takes seconds more to start on a busy machine.
      for (let tries = 0; tries < 300 && workerPids(qm).length < 2; tries++) await sleep(100);
      const [, secondWorker] = workerPids(qm);
      expect(secondWorker).toBeGreaterThan(0);
      expect(secondWorker).not.toBe(firstWorker);
      const later = await write('/products', productInput('w2'));
      const seen = await read('/products/w2', later.headers.get('qm-position')!);
      expect(seen.status).toBe(200);
      expect(seen.headers.get('x-stale')).toBeNull();

      qm.child.kill('SIGTERM');
      expect(await qm.exited(30_000)).toBe(0);
      expect(alive(secondWorker!)).toBe(false);
    },
  );
});
