import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { migratedPglite, migratedPostgres } from '../../test-support/databases.ts';
import { idempotencySuite } from './idempotency.suite.ts';
import { createSqlIdempotencyStore, purgeExpiredIdempotencyKeys } from './sql-idempotency-store.ts';

const backends = [
  { name: 'PGlite', open: () => migratedPglite() },
  { name: 'PostgreSQL', open: () => migratedPostgres(10) },
];

for (const backend of backends) {
  describe(`SQL idempotency store on ${backend.name}`, () => {
    let opened: { client: SqlClient; dispose: () => Promise<void> } | undefined;
    const client = () => {
      if (!opened) throw new Error(`${backend.name} did not open; see the beforeAll error above.`);
      return opened.client;
    };
    beforeAll(async () => {
      opened = await backend.open();
    });
    afterAll(async () => {
      await opened?.dispose();
    });

    idempotencySuite(backend.name, (options) => createSqlIdempotencyStore(client(), options));

    it('keeps the recorded response bytes and headers exactly', async () => {
      const store = createSqlIdempotencyStore(client());
      const key = randomUUID();
      const claimed = await store.claim({ scope: 'a-1', key, fingerprint: 'f' });
      if (claimed.outcome !== 'claimed') throw new Error(`expected a claim, got ${claimed.outcome}`);
      const body = new Uint8Array([0, 1, 2, 254, 255, 123, 34]);
      const headers: [string, string][] = [
        ['content-type', 'application/json'],
        ['etag', '"7"'],
      ];
      await store.complete(claimed.claim, { status: 201, headers, body });
      const again = await store.claim({ scope: 'a-1', key, fingerprint: 'f' });
      expect(again).toMatchObject({
        outcome: 'completed',
        fingerprint: 'f',
        response: { status: 201, headers },
      });
      if (again.outcome === 'completed') expect([...again.response.body]).toEqual([...body]);
    });

    it('purges expired keys and only those', async () => {
      let now = new Date('2031-01-01T00:00:00Z');
      const store = createSqlIdempotencyStore(client(), { now: () => now, ttlMs: 60_000 });
      const scope = `purge-${randomUUID()}`;
      for (const key of ['old-1', 'old-2']) await store.claim({ scope, key, fingerprint: 'f' });
      now = new Date(now.getTime() + 30_000);
      await store.claim({ scope, key: 'young', fingerprint: 'f' });
      now = new Date(now.getTime() + 31_000);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(2);
      const left = await client().query<{ key: string }>(
        'select key from qm_idempotency_keys where scope = $1 order by key',
        [scope],
      );
      expect(left.map((row) => row.key)).toEqual(['young']);
      expect(
        await purgeExpiredIdempotencyKeys(client(), new Date(now.getTime() + 60_000)),
      ).toBeGreaterThanOrEqual(1);
    });
  });
}
