import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../ports/event-store.ts';
import { migratedPostgres } from '../../../test-support/databases.ts';
import { createPgClient } from '../../sql/pg-client.ts';
import type { SqlClient } from '../../sql/sql-client.ts';
import { pgAppendNotifications } from './pg-append-notifications.ts';
import { createSqlEventStore } from './sql-event-store.ts';
import { notedEvent } from '../../../test-support/noted-event.ts';

/** A wait that only an append can end: its timeout is far beyond the test's. */
const FOREVER = 10 * 60_000;

/** Two processes' stores on one database, each with its own pool and listener. */
describe('append notifications across processes (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof migratedPostgres>>;
  const pools: SqlClient[] = [];
  const stores: EventStore[] = [];

  beforeAll(async () => {
    database = await migratedPostgres(2);
    for (let i = 0; i < 2; i++) {
      const client = createPgClient({ connectionString: database.url, maxConnections: 2 });
      pools.push(client);
      stores.push(
        createSqlEventStore(client, {
          notifications: pgAppendNotifications({ client, connectionString: database.url }),
        }),
      );
    }
    // The listeners connect in the background: wait until both are listening.
    for (;;) {
      const [row] = await database.client.query<{ n: string }>(
        `select count(*)::text as n from pg_stat_activity where application_name = 'quartermaster-listen' and datname = current_database() and query like 'listen%'`,
      );
      if (Number(row!.n) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const pool of pools) await pool.close();
    await database?.dispose();
  });

  it('wakes a reader waiting in one process when another process appends', async () => {
    const [writer, reader] = stores;
    const woken = reader!.waitForAppend!(FOREVER, new AbortController().signal);
    await writer!.append('note-1', [notedEvent()], 'no_stream');
    await woken;
    expect((await reader!.readStream('note-1')).length).toBe(1);
  }, 30_000);

  it('wakes a filtered subscription for its category and not for others', async () => {
    const [writer, reader] = stores;
    const subscription = reader!.subscribe({
      from: (await reader!.headPosition()) ?? 'start',
      filter: { categories: ['order'] },
    });
    const next = (async () => {
      for await (const received of subscription) return received;
      return undefined;
    })();
    await writer!.append('note-2', [notedEvent()], 'no_stream');
    await writer!.append('order-2', [notedEvent('OrderNoted')], 'no_stream');
    expect((await next)?.stream).toBe('order-2');
    await subscription.stop();
  }, 30_000);

  it('announces a burst of appends at most once per interval, and an append after a quiet spell', async () => {
    const [writer, reader] = stores;
    const heard: number[] = [];
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', () => heard.push(performance.now()));
    await listener.query('listen qm_appended');
    try {
      const startedAt = performance.now();
      for (let i = 0; i < 40; i++) await writer!.append(`burst-${i}`, [notedEvent()], 'no_stream');
      const appendedFor = performance.now() - startedAt;
      // The burst's last NOTIFY goes out at the end of its interval.
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(heard.length).toBeGreaterThan(0);
      // One NOTIFY per 20 ms at most (the default), not one per append.
      expect(heard.length).toBeLessThanOrEqual(Math.ceil((appendedFor + 60) / 20) + 2);
      // After the quiet spell, the next append wakes a reader in the other process.
      const woken = reader!.waitForAppend!(FOREVER, new AbortController().signal);
      await writer!.append('after-quiet', [notedEvent()], 'no_stream');
      await woken;
    } finally {
      await listener.end();
    }
  }, 30_000);
});
