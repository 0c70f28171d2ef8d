import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * Two steps of every live projector batch as functions, each one round trip:
 *
 * - `qm_hold_registration`: takes the registration lock shared (`holdRegistration`), then reads
 *   the registration in a statement of its own inside the function, so it sees a replay's switch
 *   that committed while the lock was awaited (one statement would read from a snapshot taken
 *   before the wait);
 * - `qm_advance_checkpoint`: the checkpoint's compare-and-set, raising SQLSTATE `QM409`
 *   (`CHECKPOINT_MOVED_STATE`) when it finds the checkpoint moved, instead of returning no row for
 *   the caller to check: a live batch then sends it in the same round trip as its COMMIT
 *   (`SqlExecutor.atCommit`), and a moved checkpoint still rolls the batch back, because the
 *   error stops the script before the COMMIT runs.
 */
export const projectorFunctions: Migration = {
  id: '0008-projector-functions',
  up: `
    create function qm_hold_registration(p_name text)
    returns table (active_generation integer, status text) language plpgsql volatile as $$
    begin
      perform pg_advisory_xact_lock_shared(hashtext('qm_projection_registration'), hashtext(p_name));
      return query select p.active_generation, p.status from qm_projections p where p.name = p_name;
    end $$;
    create function qm_advance_checkpoint(
      p_name text, p_generation integer,
      p_commit numeric, p_prepare numeric,
      p_previous_commit numeric, p_previous_prepare numeric
    ) returns void language plpgsql as $$
    begin
      update qm_projection_checkpoints
      set commit_position = p_commit, prepare_position = p_prepare, updated_at = now()
      where name = p_name and generation = p_generation
        and commit_position is not distinct from p_previous_commit
        and prepare_position is not distinct from p_previous_prepare;
      if not found then
        raise exception using errcode = 'QM409',
          message = format('checkpoint of %s (generation %s) was moved by another writer', p_name, p_generation);
      end if;
    end $$;
  `,
};
