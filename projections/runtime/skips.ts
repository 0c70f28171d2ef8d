import type { Position } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import type { SqlExecutor } from '../../infra/sql/sql-client.ts';

/** Positions an operator chose to pass for `name` (as tokens), which every generation passes. */
export async function loadSkips(db: SqlExecutor, name: string): Promise<Set<string>> {
  const rows = await db.query<{ commit: string; prepare: string }>(
    `select commit_position::text as commit, prepare_position::text as prepare
     from qm_projection_skips where name = $1`,
    [name],
  );
  return new Set(rows.map((row) => `${row.commit}:${row.prepare}`));
}

/** Records the decision to pass one event; idempotent. */
export async function recordSkip(
  db: SqlExecutor,
  name: string,
  position: Position,
  eventId: string,
  reason: string,
): Promise<void> {
  await db.query(
    `insert into qm_projection_skips (name, commit_position, prepare_position, event_id, reason)
     values ($1, $2::numeric, $3::numeric, $4, $5) on conflict do nothing`,
    [name, position.commit.toString(), position.prepare.toString(), eventId, reason],
  );
}

export const isSkipped = (skips: ReadonlySet<string>, position: Position) =>
  skips.size > 0 && skips.has(positionToToken(position));

export interface RecordedSkip {
  projection: string;
  /** Consistency token of the event passed. */
  position: string;
  eventId: string;
  reason: string;
  skippedAt: string;
}

/** The events operators passed, newest first, each with its reason (the System page, `/admin/projections/skips`). */
export async function listSkips(db: SqlExecutor, limit: number): Promise<RecordedSkip[]> {
  const rows = await db.query<{
    name: string;
    commit: string;
    prepare: string;
    event_id: string;
    reason: string;
    skipped_at: Date | string;
  }>(
    `select name, commit_position::text as commit, prepare_position::text as prepare, event_id, reason, skipped_at
     from qm_projection_skips order by skipped_at desc, name limit $1`,
    [limit],
  );
  return rows.map((row) => ({
    projection: row.name,
    position: `${row.commit}:${row.prepare}`,
    eventId: row.event_id,
    reason: row.reason,
    skippedAt: new Date(row.skipped_at).toISOString(),
  }));
}
