import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../../sql/sql-client.ts';
import { migratedPostgres } from '../../../test-support/databases.ts';
import { benchEvents } from '../../../bench/lib/bench-events.ts';
import { createSqlEventStore } from './sql-event-store.ts';
import { refreshReadStatistics } from './read-statistics.ts';

describe('read statistics on postgres', () => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ client: db, dispose } = await migratedPostgres(2)));
  afterAll(() => dispose());

  /** The plan of one filtered batch, as a projector reads it far behind the head. */
  const plan = async () => {
    const rows = await db.query<{ 'QUERY PLAN': string }>(
      `explain select * from qm_events where (tx_id, position) > ('0'::xid8, 0::bigint)
         and category = any('{order}'::text[]) order by tx_id, position limit 200`,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };

  it('analyzes a log written faster than autovacuum, leaves fresh statistics alone, and analyzes again once the log has grown', async () => {
    const store = createSqlEventStore(db);
    for (let i = 0; i < 40; i++) {
      const events = benchEvents(100);
      await store.append(`order-${i}`, events.slice(0, 50), 'any');
      await store.append(`stock-${i}`, events.slice(50), 'any');
    }
    // Without statistics, PostgreSQL guesses few orders and sorts everything after the checkpoint.
    expect(await plan()).toMatch(/Sort/);
    expect(await refreshReadStatistics(db)).toBe(true);
    expect(await plan()).not.toMatch(/Sort/);
    expect(await refreshReadStatistics(db)).toBe(false);
    // A log a tenth larger than when it was last analyzed is analyzed again.
    await store.append('order-more', benchEvents(600), 'any');
    await expect.poll(() => refreshReadStatistics(db), { timeout: 5_000 }).toBe(true);
    expect(await refreshReadStatistics(db)).toBe(false);
  });
});
