import { newEventId } from '../../infra/event-store/new-event-id.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import { runLoad } from './load.ts';

/** A row the size of a typical stock event's payload. */
const payload = JSON.stringify({
  sku: 'SKU-000123',
  location: 'berlin',
  orderId: '0192f0a4-0000-7000-8000-000000000000',
  quantity: 2,
});

/** The baseline: single-row INSERT commits of a similar row into a plain table, with `connections` in parallel. */
export async function rawInsertLoad(client: SqlClient, connections: number, seconds: number) {
  await client.query('create table if not exists bench_raw (id uuid primary key, data jsonb not null)');
  return runLoad(`raw INSERT, ${connections} conn`, { workers: connections, seconds }, async () => {
    await client.query(
      'insert into bench_raw (id, data) values ($1, $2::jsonb)',
      [newEventId(), payload],
      'bench_raw',
    );
    return 1;
  });
}
