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
