import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlreadyExists } from '../../domain/errors.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { controllableClock, type ControllableClock } from '../../test-support/controllable-clock.ts';
import { migratedPglite } from '../../test-support/databases.ts';
import { reminders } from '../../test-support/reminder-schedule.ts';
import type { EventStore } from '../../ports/event-store.ts';
import { soleInstanceLease } from './sole-instance-lease.ts';

const MINUTE = 60_000;
/** Long enough for a scheduler that was going to fire to have done so (it would, within a tick). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('event scheduler (PGlite, one process)', () => {
  let store: EventStore;
  let clock: ControllableClock;
  let dispose: () => Promise<void>;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    const database = await migratedPglite();
    store = createSqlEventStore(database.client);
    dispose = async () => {
      await store.close();
      await database.dispose();
    };
    clock = controllableClock('2026-11-21T10:00:00.000Z');
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    await dispose();
  });

  const start = async (retryMs?: number) => {
    const instance = reminders(store).scheduler({
      clock,
      lease: soleInstanceLease,
      ...(retryMs === undefined ? {} : { retryMs }),
    });
    await instance.scheduler.start();
    stops.push(() => instance.scheduler.stop());
    return instance;
  };

  it('fires a key exactly when the clock reaches its due time, not a millisecond before', async () => {
    await reminders(store).set('r1', '2026-11-21T10:10:00.000Z');
    const { scheduler, fired } = await start();
    expect(scheduler.active).toBe(true);
    expect([...scheduler.pending().keys()]).toEqual(['r1']);

    clock.advance(10 * MINUTE - 1);
    await settle();
    expect(fired).toEqual([]);

    clock.advance(1);
    await expect.poll(() => fired).toEqual([{ key: 'r1', now: '2026-11-21T10:10:00.000Z' }]);
    await expect.poll(() => scheduler.pending().size).toBe(0);
  });

  it('wakes for a key scheduled while it sleeps until a later one, and drops a cancelled key', async () => {
    const fixture = reminders(store);
    await fixture.set('late', '2026-11-21T11:00:00.000Z');
    await fixture.set('cancelled', '2026-11-21T10:01:00.000Z');
    const { scheduler, fired } = await start();
    await fixture.set('early', '2026-11-21T10:05:00.000Z');
    await fixture.cancel('cancelled');
    await expect.poll(() => [...scheduler.pending().keys()].sort()).toEqual(['early', 'late']);

    clock.advance(5 * MINUTE);
    await expect.poll(() => fired.map((entry) => entry.key)).toEqual(['early']);
    await settle();
    expect(fired.map((entry) => entry.key)).toEqual(['early']);
  });

  it('counts a refusal as done, and retries a transient failure after retryMs on the clock', async () => {
    const fixture = reminders(store);
    await fixture.set('sent-elsewhere', '2026-11-21T10:01:00.000Z');
    await fixture.set('flaky', '2026-11-21T10:01:00.000Z');
    const instance = reminders(store).scheduler({ clock, lease: soleInstanceLease, retryMs: MINUTE });
    instance.failures.set('flaky', new Error('database restarting'));
    // Sent by a holder that died before its ReminderSent reached this instance: the command refuses.
    instance.failures.set(
      'sent-elsewhere',
      new AlreadyExists({ aggregate: 'reminder', id: 'sent-elsewhere' }),
    );
    await instance.scheduler.start();
    stops.push(() => instance.scheduler.stop());

    clock.advance(MINUTE);
    await expect.poll(() => [...instance.scheduler.pending().keys()]).toEqual(['flaky']);
    expect(instance.fired).toEqual([]);
    clock.advance(MINUTE);
    await expect.poll(() => instance.fired.map((entry) => entry.key)).toEqual(['flaky']);
  });

  it('rebuilds the same schedule from the events after a restart, with no state of its own', async () => {
    const fixture = reminders(store);
    await fixture.set('a', '2026-11-21T10:01:00.000Z');
    await fixture.set('b', '2026-11-21T10:30:00.000Z');
    await fixture.set('c', '2026-11-21T12:00:00.000Z');
    const first = await start();
    clock.advance(MINUTE);
    await expect.poll(() => first.fired.map((entry) => entry.key)).toEqual(['a']);
    const before = first.scheduler.pending();
    await first.scheduler.stop();

    const restarted = await start();
    expect(restarted.scheduler.pending()).toEqual(before);
    expect([...before.keys()].sort()).toEqual(['b', 'c']);
    clock.advance(29 * MINUTE);
    await expect.poll(() => restarted.fired.map((entry) => entry.key)).toEqual(['b']);
  });
});
