/**
 * A page of the global read must walk the log's index in order and stop after the page, not scan
 * and sort everything after the checkpoint: the planner cannot estimate the read's conditions and
 * chose the sort whenever it knew the LIMIT (see `PAGE` in read-statements.ts). node-postgres runs
 * a named statement with such plans for its first five runs on each connection; EXPLAIN on the
 * statement with its parameters makes the same plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchEvents } from '../../../bench/lib/bench-events.ts';
import { migratedPostgres } from '../../../test-support/databases.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { readAllStatement, readAllWithHeadStatement } from './read-statements.ts';
import { refreshReadStatistics } from './read-statistics.ts';
import { createSqlEventStore } from './sql-event-store.ts';

describe('the global read on postgres', () => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ client: db, dispose } = await migratedPostgres(2));
    const store = createSqlEventStore(db);
    for (let i = 0; i < 40; i++) {
      const events = benchEvents(100);
      await store.append(`order-${i}`, events.slice(0, 50), 'any');
      await store.append(`stock-${i}`, events.slice(50), 'any');
    }
    await refreshReadStatistics(db);
  });
  afterAll(() => dispose());

  const planOf = async (text: string, params: unknown[]) => {
    const rows = await db.query<{ 'QUERY PLAN': string }>(`explain ${text}`, params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  };
  const fromStart = ['0', '0', 1000];

  it.each([
    ['unfiltered', undefined, fromStart],
    ['by category', { categories: ['order'] }, [...fromStart, ['order']]],
    ['by type', { eventTypes: ['StockReserved'] }, [...fromStart, ['StockReserved']]],
  ] as const)('pages the log in index order from far behind (%s)', async (_, filter, params) => {
    for (const { text } of [readAllStatement(filter), readAllWithHeadStatement(filter)]) {
      const plan = await planOf(text, [...params]);
      // (With the head, the page's few rows are sorted once more on top: that is cheap.)
      expect(plan).toMatch(/-> {2}Index Scan using qm_events_global_order/);
      expect(plan).not.toMatch(/Bitmap Heap Scan|Seq Scan/);
    }
  });
});
