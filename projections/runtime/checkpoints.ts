import type { Position } from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { sqlState, type SqlExecutor } from '../../infra/sql/sql-client.ts';
import { readRegistration, schemaName } from './registry.ts';

/** Thrown when a projection has never been started, so it has no generation to read or wait for. */
export class UnknownProjection extends Error {
  override name = 'UnknownProjection';
  constructor(readonly projection: string) {
    super(`projection "${projection}" is not registered yet: start its projector (qm serve or qm project)`);
  }
}

/** SQLSTATE `qm_advance_checkpoint` (migration 0008) raises when it finds the checkpoint moved. */
export const CHECKPOINT_MOVED_STATE = 'QM409';

/**
 * Another writer moved the checkpoint since this one read it (a second instance, or a replay that
 * reset a sink): the batch is rolled back instead of being applied twice.
 */
export class CheckpointMoved extends Error {
  override name = 'CheckpointMoved';
  constructor(
    readonly projection: string,
    readonly generation: number,
  ) {
    super(`checkpoint of ${projection} (generation ${generation}) was moved by another writer`);
  }
}

interface CheckpointRow {
  commit_position: string | null;
  prepare_position: string | null;
}

const toPosition = (row: CheckpointRow | undefined): Position | null =>
  row?.commit_position == null || row.prepare_position == null
    ? null
    : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };

/** The checkpoint of one generation; `null` when nothing was applied yet (start of the log). */
export async function readGenerationCheckpoint(
  db: SqlExecutor,
  name: string,
  generation: number,
): Promise<Position | null> {
  const [row] = await db.query<CheckpointRow>(
    `select commit_position::text as commit_position, prepare_position::text as prepare_position
     from qm_projection_checkpoints where name = $1 and generation = $2`,
    [name, generation],
  );
  return toPosition(row);
}

/**
 * The checkpoint of the generation that serves `name`: everything up to it is applied. `null` when
 * the projection has applied nothing yet or is not registered. Readable from any process.
 */
export async function readCheckpoint(db: SqlExecutor, name: string): Promise<Position | null> {
  const [row] = await db.query<CheckpointRow>(
    `select c.commit_position::text as commit_position, c.prepare_position::text as prepare_position
     from qm_projections p join qm_projection_checkpoints c
       on c.name = p.name and c.generation = p.active_generation
     where p.name = $1`,
    [name],
  );
  return toPosition(row);
}

/**
 * Compare-and-set of a generation's checkpoint: moves it from `previous` to `next` or throws
 * `CheckpointMoved`. Run it in the transaction that applied the batch, so both commit together.
 *
 * `atCommit` sends it with the transaction's COMMIT where the driver can (`SqlExecutor.atCommit`):
 * a moved checkpoint then fails the commit instead, and `transaction` throws what
 * `checkpointMovedFrom` turns into `CheckpointMoved`.
 */
export async function advanceCheckpoint(
  tx: SqlExecutor,
  name: string,
  generation: number,
  previous: Position | null,
  next: Position,
  { atCommit = false }: { atCommit?: boolean } = {},
): Promise<void> {
  const params = [
    name,
    generation,
    next.commit.toString(),
    next.prepare.toString(),
    previous?.commit.toString() ?? null,
    previous?.prepare.toString() ?? null,
  ];
  const statement = `select qm_advance_checkpoint($1, $2::integer, $3::numeric, $4::numeric, $5::numeric, $6::numeric)`;
  if (atCommit && tx.atCommit) return tx.atCommit(statement, params);
  try {
    await tx.query(statement, params, 'qm_advance_checkpoint');
  } catch (error) {
    throw checkpointMovedFrom(error, name, generation);
  }
}

/** `CheckpointMoved` for the error `qm_advance_checkpoint` raises; any other error as it is. */
export function checkpointMovedFrom(error: unknown, name: string, generation: number): unknown {
  return sqlState(error) === CHECKPOINT_MOVED_STATE ? new CheckpointMoved(name, generation) : error;
}

/** Creates (or resets to the start) the checkpoint of a generation. */
export async function resetCheckpoint(db: SqlExecutor, name: string, generation: number): Promise<void> {
  await db.query(
    `insert into qm_projection_checkpoints (name, generation) values ($1, $2)
     on conflict (name, generation) do update
       set commit_position = null, prepare_position = null, updated_at = now()`,
    [name, generation],
  );
}

/** At or past `position`. */
export const reached = (checkpoint: Position | null, position: Position): boolean =>
  checkpoint !== null && comparePositions(checkpoint, position) >= 0;

const POLL_MS = 15;

/**
 * Waits, bounded, until every named projection's serving checkpoint is at or past `position` (the
 * consistency token a write returned). Polls the database, so it works from a process that runs no
 * projectors (the read API). Resolves `false` on timeout: the caller then says the data is stale.
 */
export async function waitForCheckpoint(
  db: SqlExecutor,
  names: readonly string[],
  position: Position,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(names);
  for (;;) {
    for (const name of [...pending]) {
      if (reached(await readCheckpoint(db, name), position)) pending.delete(name);
    }
    if (pending.size === 0) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
  }
}

/**
 * The schema (`rm_<name>_g<generation>`) of the generation that serves `name` now: the read API
 * queries it with `withSchema`. Read it per request (or cache briefly): a replay switches it.
 */
export async function activeSchema(db: SqlExecutor, name: string): Promise<string> {
  const registration = await readRegistration(db, name);
  if (!registration) throw new UnknownProjection(name);
  return schemaName(name, registration.activeGeneration);
}
