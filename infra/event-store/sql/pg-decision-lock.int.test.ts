import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgClient } from '../../sql/pg-client.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { migratedPostgres } from '../../../test-support/databases.ts';
import { pgDecisionLock } from './pg-decision-lock.ts';
import { createSqlEventStore } from './sql-event-store.ts';
import { notedEvent } from '../../../test-support/noted-event.ts';

/** Two processes' lock pools on one database: what one holds, the other waits for. */
describe('the decision lock on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof migratedPostgres>>;
  let pools: SqlClient[];

  beforeAll(async () => {
    database = await migratedPostgres(4);
    pools = [0, 1].map(() => createPgClient({ connectionString: database.url, maxConnections: 2 }));
  });
  afterAll(async () => {
    for (const pool of pools ?? []) await pool.close();
    await database?.dispose();
  });

  it('makes a second holder of a key wait for the first to release it; other keys do not wait', async () => {
    const [a, b] = pools.map(pgDecisionLock);
    const first = await a!.acquire('stock-HOT-berlin');
    let secondHeld = false;
    const second = b!.acquire('stock-HOT-berlin').then((held) => {
      secondHeld = true;
      return held;
    });
    const other = await b!.acquire('stock-COLD-berlin');
    await other.release();
    // A round trip of the other pool proves the waiting acquire has reached PostgreSQL by now.
    await pools[1]!.query('select 1');
    expect(secondHeld).toBe(false);
    await first.release();
    await (await second).release();
    expect(secondHeld).toBe(true);
  });

  it('never blocks its holder’s own append to the stream it is named for', async () => {
    const store = createSqlEventStore(database.client);
    const held = await pgDecisionLock(pools[0]!).acquire('order-locked');
    const results = await store.appendMulti([
      { stream: 'order-locked', expected: 'no_stream', events: [notedEvent()] },
      { stream: 'stock-locked', expected: 'no_stream', events: [notedEvent()] },
    ]);
    expect(results.map((r) => r.nextRevision)).toEqual([0, 0]);
    await held.release();
  });
});
