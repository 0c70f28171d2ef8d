/**
 * A live batch's guard (`checkServing`, `qm_check_serving`) takes the registration lock shared and
 * checks the registration. On PostgreSQL it travels with the batch's first statement (`atBegin`),
 * so a failing guard must stop that statement. It must check the registration as it stands once the
 * lock is held: a replay that switched generations while the batch waited for the lock has
 * committed by then, and a read from before the wait would let the batch write to the generation
 * being dropped. PostgreSQL only: PGlite runs one transaction at a time.
 */
import { describe, expect, it } from 'vitest';
import { sqlState } from '../../infra/sql/sql-client.ts';
import { ensureRegistered } from './projector-runner.ts';
import {
  checkServing,
  GENERATION_SWITCHED_STATE,
  lockRegistration,
  PROJECTOR_PAUSED_STATE,
  setStatus,
} from './registry.ts';
import { perTestResources } from '../../test-support/per-test-resources.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

describe('checkServing on postgres', () => {
  const { database } = perTestResources('postgres');

  async function registered() {
    const db = await database();
    const projection = streamCountsProjection();
    await ensureRegistered(db, { kind: 'read_model', projection });
    return { db, name: projection.name };
  }

  /** A batch's shape: the guard, then a first statement that writes (and must not run if the guard fails). */
  const batch = (db: Awaited<ReturnType<typeof registered>>['db'], name: string, generation: number) =>
    db.transaction(async (tx) => {
      await checkServing(tx, name, generation);
      return tx.query<{ marker: string }>(`insert into guard_marks values ($1) returning marker`, [name]);
    });

  const stateOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'passed',
      (error: unknown) => sqlState(error),
    );

  it('lets the serving generation of a running projector through, with its first statement', async () => {
    const { db, name } = await registered();
    await db.query('create table guard_marks (marker text)');
    expect(await batch(db, name, 1)).toEqual([{ marker: name }]);
  });

  it('stops a batch on a generation that no longer serves, or of a stopped projector, before its first statement', async () => {
    const { db, name } = await registered();
    await db.query('create table guard_marks (marker text)');
    expect(await stateOf(batch(db, name, 2))).toBe(GENERATION_SWITCHED_STATE);
    expect(await stateOf(batch(db, 'not_registered', 1))).toBe(GENERATION_SWITCHED_STATE);
    await setStatus(db, name, 'failed', 'poison');
    expect(await stateOf(batch(db, name, 1))).toBe(PROJECTOR_PAUSED_STATE);
    expect(await db.query('select * from guard_marks')).toEqual([]);
  });

  it('sees a switch that committed while it waited for the lock', async () => {
    const { db, name } = await registered();
    await db.query('create table guard_marks (marker text)');
    let switched!: () => void;
    const commitSwitch = new Promise<void>((resolve) => (switched = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const replay = db.transaction(async (tx) => {
      await lockRegistration(tx, name);
      await tx.query(`update qm_projections set active_generation = 2 where name = $1`, [name]);
      locked();
      await commitSwitch;
    });
    await lockHeld;
    const onOld = stateOf(batch(db, name, 1));
    // Let the batch reach the lock and wait there, then commit the switch.
    await new Promise((resolve) => setTimeout(resolve, 200));
    switched();
    await replay;
    expect(await onOld).toBe(GENERATION_SWITCHED_STATE);
    expect(await batch(db, name, 2)).toEqual([{ marker: name }]);
  });
});
