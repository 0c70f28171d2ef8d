/**
 * A live batch's guard takes the registration lock shared and reads the registration in one round
 * trip (`qm_hold_registration`). It must read the registration as it stands once the lock is held:
 * a replay that switched generations while the batch waited for the lock has committed by then, and
 * a read from before the wait would let the batch write to the generation being dropped.
 * PostgreSQL only: PGlite runs one transaction at a time.
 */
import { describe, expect, it } from 'vitest';
import { ensureRegistered } from './projector-runner.ts';
import { holdRegistration, lockRegistration } from './registry.ts';
import { perTestResources } from './testing/per-test-resources.ts';
import { streamCountsProjection } from './testing/stream-counts-projection.ts';

describe('holdRegistration on postgres', () => {
  const { database } = perTestResources('postgres');

  it('sees a switch that committed while it waited for the lock', async () => {
    const db = await database();
    const projection = streamCountsProjection();
    await ensureRegistered(db, { kind: 'read_model', projection });
    let switched!: () => void;
    const commitSwitch = new Promise<void>((resolve) => (switched = resolve));
    let locked!: () => void;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const replay = db.transaction(async (tx) => {
      await lockRegistration(tx, projection.name);
      await tx.query(`update qm_projections set active_generation = 2 where name = $1`, [projection.name]);
      locked();
      await commitSwitch;
    });
    await lockHeld;
    const batch = db.transaction((tx) => holdRegistration(tx, projection.name));
    // Let the batch reach the lock and wait there, then commit the switch.
    await new Promise((resolve) => setTimeout(resolve, 200));
    switched();
    await replay;
    expect(await batch).toEqual({ activeGeneration: 2, status: 'running' });
  });
});
