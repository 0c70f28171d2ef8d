import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * A live batch's guard as one statement that raises instead of returning a row to check:
 * `qm_check_serving(name, generation)` takes the registration lock shared (see `registry.ts`:
 * batches hold it shared, a replay's switch and status changes exclusive), then reads the
 * registration in a statement of its own, so it sees a switch that committed while the lock was
 * awaited. It raises SQLSTATE `QM410` (`GENERATION_SWITCHED_STATE`) when `generation` no longer
 * serves and `QM423` (`PROJECTOR_PAUSED_STATE`) when the projector is not running.
 *
 * Raising is what lets the guard travel with the BEGIN and the batch's first read in one round trip
 * (`SqlExecutor.atBegin`): an error stops the script before the read runs. It replaces
 * `qm_hold_registration` (migration 0008), whose row the caller had to check in a round trip of
 * its own.
 */
export const servingGuard: Migration = {
  id: '0009-serving-guard',
  up: `
    create function qm_check_serving(p_name text, p_generation integer)
    returns void language plpgsql volatile as $$
    declare
      registration record;
    begin
      perform pg_advisory_xact_lock_shared(hashtext('qm_projection_registration'), hashtext(p_name));
      select p.active_generation, p.status into registration from qm_projections p where p.name = p_name;
      if not found or registration.active_generation <> p_generation then
        raise exception using errcode = 'QM410',
          message = format('generation %s of %s no longer serves', p_generation, p_name);
      end if;
      if registration.status <> 'running' then
        raise exception using errcode = 'QM423',
          message = format('projector %s is %s', p_name, registration.status);
      end if;
    end $$;
    drop function qm_hold_registration(text);
  `,
};
