import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../infra/logging/logger.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import { scheduleIdempotencyPurge } from './purge-schedule.ts';
import { createSqlIdempotencyStore } from './sql-idempotency-store.ts';

describe('scheduled purge of expired idempotency keys (PGlite)', () => {
  let db: { client: SqlClient; dispose: () => Promise<void> };
  beforeAll(async () => {
    db = await migratedPglite();
  });
  afterAll(() => db.dispose());

  const keys = async () =>
    (await db.client.query<{ key: string }>('select key from qm_idempotency_keys order by key')).map(
      (r) => r.key,
    );

  it('purges expired keys at start and on demand, keeping live ones', async () => {
    let clock = new Date('2026-11-21T10:00:00Z');
    const store = createSqlIdempotencyStore(db.client, { ttlMs: 60_000, now: () => clock });
    for (const key of ['old-1', 'old-2']) {
      const claimed = await store.claim({ scope: 's', key, fingerprint: 'f' });
      if (claimed.outcome === 'claimed')
        await store.complete(claimed.claim, { status: 200, headers: [], body: new Uint8Array() });
    }
    clock = new Date('2026-11-21T10:05:00Z');
    await store.claim({ scope: 's', key: 'live', fingerprint: 'f' });

    const schedule = scheduleIdempotencyPurge({
      purge: () => store.purgeExpired(),
      log: createLogger('silent'),
    });
    // The first purge starts with the schedule; runNow joins it.
    expect(await schedule.runNow()).toBe(2);
    expect(await keys()).toEqual(['live']);
    clock = new Date('2026-11-21T11:00:00Z');
    expect(await schedule.runNow()).toBe(1);
    expect(await keys()).toEqual([]);
    await schedule.stop();
  });

  it('logs a failed purge and keeps going', async () => {
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    let calls = 0;
    const schedule = scheduleIdempotencyPurge({
      purge: () => (++calls === 1 ? Promise.reject(new Error('database away')) : Promise.resolve(0)),
      log,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual([expect.stringContaining('database away')]);
    expect(await schedule.runNow()).toBe(0);
    await schedule.stop();
  });
});
