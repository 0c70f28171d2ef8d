import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createLogger } from '../../infra/logging/logger.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import { openPgSession } from '../../infra/sql/pg-session.ts';
import { controllableClock } from '../../test-support/controllable-clock.ts';
import { migratedPostgres } from '../../test-support/databases.ts';
import { reminders } from '../../test-support/reminder-schedule.ts';
import { schedulerLease } from './scheduler-lease.ts';

const MINUTE = 60_000;
const keys = (fired: { key: string }[]) => fired.map((entry) => entry.key);

describe('a scheduler in two processes on one PostgreSQL', () => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.splice(0).reverse()) await dispose();
  });

  it('only the lease holder fires; the standby keeps the schedule and takes over when the holder stops', async () => {
    const database = await migratedPostgres(10);
    disposers.push(database.dispose);
    const clock = controllableClock('2026-11-21T10:00:00.000Z');
    const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

    // Each "process" has its own pool, event store and lock session, as two `qm serve` would.
    const openProcess = async (label: string) => {
      const client = createPgClient({ connectionString: database.url, maxConnections: 4 });
      const store = createSqlEventStore(client);
      const lease = schedulerLease(
        { database: client, openSession: () => openPgSession(database.url, `qm-test-${label}`), log },
        'reminders',
        { leaseMs: 2000, retryMs: 50, holder: label },
      );
      const instance = reminders(store).scheduler({ clock, lease });
      await instance.scheduler.start();
      let stopped = false;
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        await instance.scheduler.stop();
        await store.close();
        await client.close();
      };
      disposers.push(stop);
      return { ...instance, store, stop };
    };

    const first = await openProcess('first');
    await expect.poll(() => first.scheduler.active, { timeout: 10_000 }).toBe(true);
    const second = await openProcess('second');
    const fixture = reminders(first.store);
    await fixture.set('r1', '2026-11-21T10:01:00.000Z');
    await fixture.set('r2', '2026-11-21T10:05:00.000Z');
    for (const instance of [first, second]) {
      await expect.poll(() => [...instance.scheduler.pending().keys()].sort()).toEqual(['r1', 'r2']);
    }
    expect(second.scheduler.active).toBe(false);
    expect(await second.scheduler.runDue()).toEqual([]); // a standby fires nothing, even when asked

    clock.advance(MINUTE);
    await expect.poll(() => keys(first.fired)).toEqual(['r1']);
    // The standby drops r1 once the holder's ReminderSent reaches it through the log.
    await expect.poll(() => [...second.scheduler.pending().keys()]).toEqual(['r2']);
    expect(second.fired).toEqual([]);

    await first.stop();
    await expect.poll(() => second.scheduler.active, { timeout: 10_000 }).toBe(true);
    clock.advance(4 * MINUTE);
    await expect.poll(() => keys(second.fired)).toEqual(['r2']);
    expect(keys(first.fired)).toEqual(['r1']);
  });

  it('a standby takes over when the holder process is killed (kill -9), and fires what is due', async () => {
    const database = await migratedPostgres(10);
    disposers.push(database.dispose);
    const client = createPgClient({ connectionString: database.url, maxConnections: 4 });
    const store = createSqlEventStore(client);
    disposers.push(async () => {
      await store.close();
      await client.close();
    });
    const fixture = reminders(store);
    // Due by the child's real clock: it sends this one before it dies.
    await fixture.set('overdue', '2020-01-01T00:00:00.000Z');
    await fixture.set('later', '2099-01-01T00:00:00.000Z');

    const script = join(import.meta.dirname, '..', '..', 'test-support', 'run-reminder-scheduler.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    disposers.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await once(child.stdout, 'data');

    const clock = controllableClock('2098-12-31T23:59:00.000Z');
    const lease = schedulerLease(
      {
        database: client,
        openSession: () => openPgSession(database.url, 'qm-test-standby'),
        log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      },
      'reminders',
      { leaseMs: 2000, retryMs: 50, holder: 'standby' },
    );
    const standby = reminders(store).scheduler({ clock, lease });
    await standby.scheduler.start();
    disposers.push(() => standby.scheduler.stop());
    await expect.poll(() => [...standby.scheduler.pending().keys()]).toEqual(['later']);
    expect(standby.scheduler.active).toBe(false);

    // No chance to release anything: the server frees the advisory lock with the dead session.
    child.kill('SIGKILL');
    await once(child, 'exit');
    await expect.poll(() => standby.scheduler.active, { timeout: 10_000 }).toBe(true);
    clock.advance(60_000);
    await expect.poll(() => keys(standby.fired)).toEqual(['later']);
  });
});
