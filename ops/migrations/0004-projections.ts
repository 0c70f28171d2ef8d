import type { Migration } from '../../infra/sql/migrate.ts';

/**
 * The projector runtime's bookkeeping (see projections/runtime/).
 *
 * - `qm_projections`: one row per projector; which generation (schema `rm_<name>_g<n>`) serves,
 *   the code version that built it, and whether it runs or stopped on a poison event.
 * - `qm_projection_checkpoints`: the last position applied, per (name, generation), so a
 *   blue/green rebuild fills its own generation while the old one keeps its checkpoint. Positions
 *   are numeric: the commit part is an xid8 (unsigned 64 bit).
 * - `qm_projection_leases`: who runs a projector now, until when (renewed while alive).
 * - `qm_projection_skips`: positions an operator decided to pass (`qm projection skip`); every
 *   generation passes them, so a rebuild equals the live model.
 */
export const projectionsSchema: Migration = {
  id: '0004-projections',
  up: `
    create table qm_projections (
      name text primary key,
      kind text not null check (kind in ('read_model', 'sink')),
      active_generation integer not null,
      version integer not null,
      status text not null default 'running' check (status in ('running', 'failed')),
      last_error text,
      updated_at timestamptz not null default now()
    );
    create table qm_projection_checkpoints (
      name text not null,
      generation integer not null,
      commit_position numeric(20, 0),
      prepare_position numeric(20, 0),
      updated_at timestamptz not null default now(),
      primary key (name, generation)
    );
    create table qm_projection_leases (
      name text primary key,
      holder text not null,
      backend_pid integer,
      expires_at timestamptz not null
    );
    create table qm_projection_skips (
      name text not null,
      commit_position numeric(20, 0) not null,
      prepare_position numeric(20, 0) not null,
      event_id text not null,
      reason text not null,
      skipped_at timestamptz not null default now(),
      primary key (name, commit_position, prepare_position)
    );
  `,
};
