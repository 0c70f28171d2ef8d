import type { EventFilter, EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { kyselyOver, kyselyWritesAtCommit } from '../../infra/sql/kysely-over-sql.ts';
import { sqlState, type SqlClient, type SqlExecutor } from '../../infra/sql/sql-client.ts';
import { advanceCheckpoint, checkpointMovedFrom, reached } from './checkpoints.ts';
import type { AnyReadModelProjection, ProjectionEffects, SinkProjection } from './projection.ts';
import { checkServing, GENERATION_SWITCHED_STATE, PROJECTOR_PAUSED_STATE, schemaName } from './registry.ts';
import { isSkipped } from './skips.ts';

/** One read of the log: the events to apply, and how far the checkpoint may move once they are. */
export interface Batch {
  events: RecordedEvent[];
  /**
   * The new checkpoint: the last event read, or the head read before it when the read was not full
   * (a filtered projection then moves past events it does not want instead of re-reading them).
   */
  end: Position;
  /** The read returned `batchSize` events: more are probably waiting. */
  full: boolean;
}

/** Reads the next batch after `from`, or `null` when the checkpoint is at the head. Passes skipped positions. */
export async function readNextBatch(
  store: EventStore,
  from: Position | null,
  batchSize: number,
  filter: EventFilter | undefined,
  skips: ReadonlySet<string>,
): Promise<Batch | null> {
  const passed = (read: RecordedEvent[]) => read.filter((event) => !isSkipped(skips, event.position));
  if (!filter) {
    // Unfiltered, the last event read is as far as the checkpoint can go: no head read needed.
    const read = await store.readAll({ from: from ?? 'start', maxCount: batchSize });
    const last = read.at(-1);
    return last ? { events: passed(read), end: last.position, full: read.length === batchSize } : null;
  }
  const { events: read, head } = await store.readAllWithHead({
    from: from ?? 'start',
    maxCount: batchSize,
    filter,
  });
  if (head === null || reached(from, head)) return null;
  const last = read.at(-1);
  const full = read.length === batchSize;
  const end = full || (last && comparePositions(last.position, head) > 0) ? last!.position : head;
  return { events: passed(read), end, full };
}

/** The serving generation changed under a projector (a replay switched it): it must reload. */
export class GenerationSwitched extends Error {
  override name = 'GenerationSwitched';
}

/** The projector was stopped (status `failed`) by another instance or an operator. */
export class ProjectorPaused extends Error {
  override name = 'ProjectorPaused';
}

/**
 * How a batch transaction checks the registry first:
 * - `serving`: the generation must still serve and the projector run (`checkServing`, so a
 *   replay's switch waits for in-flight batches and none lands on a generation about to be dropped);
 * - `building`: a generation being rebuilt beside the serving one: nothing to check.
 */
export type Guard = 'serving' | 'building';

async function checkGuard(tx: SqlExecutor, name: string, generation: number, guard: Guard): Promise<void> {
  if (guard === 'serving') await checkServing(tx, name, generation);
}

/** What a batch's SQL error means to the projector: its guard's and checkpoint's as their errors. */
function batchError(error: unknown, name: string, generation: number): unknown {
  const state = sqlState(error);
  if (state === GENERATION_SWITCHED_STATE) return new GenerationSwitched(name);
  if (state === PROJECTOR_PAUSED_STATE) return new ProjectorPaused(name);
  return checkpointMovedFrom(error, name, generation);
}

export interface CommitTarget {
  database: SqlClient;
  generation: number;
  previous: Position | null;
  guard: Guard;
  /** Runs last in the same transaction (the replay switches the serving generation there). */
  alsoInTransaction?: (tx: SqlExecutor) => Promise<void>;
}

/** Applies a batch to a read model's generation and moves its checkpoint, in one transaction. */
export async function commitReadModelBatch(
  projection: AnyReadModelProjection,
  target: CommitTarget,
  events: readonly RecordedEvent[],
  end: Position,
): Promise<ProjectionEffects> {
  const { name } = projection;
  return target.database
    .transaction(async (tx) => {
      await checkGuard(tx, name, target.generation, target.guard);
      // A live batch sends what it can with its COMMIT (`SqlExecutor.atCommit`): readers of the log
      // wait for every transaction that holds a transaction id, and a write takes one.
      const atCommit = target.guard === 'serving' && tx.atCommit !== undefined;
      if (atCommit) commitWithoutFlushWait(tx);
      const schema = schemaName(name, target.generation);
      const effects =
        events.length > 0 ? await applyBatch(projection, tx, schema, events, atCommit) : undefined;
      await advanceCheckpoint(tx, name, target.generation, target.previous, end, { atCommit });
      await target.alsoInTransaction?.(tx);
      return effects ?? {};
    })
    .catch((error: unknown) => {
      throw batchError(error, name, target.generation);
    });
}

/**
 * A live batch commits without waiting for its WAL to reach the disk (`synchronous_commit` off,
 * for this transaction only). Until that flush, PostgreSQL still counts a committing transaction
 * as running in every snapshot, and readers of the log see nothing past the oldest running
 * transaction (read-statements.ts): each projector's commit held back every projector's view of
 * new events. Lag phase of the read bench, 3 runs each, alternating: p99 46-88 -> 26-64 ms.
 *
 * What a crash of PostgreSQL can then lose is safe to lose: a batch's read-model rows and its
 * checkpoint are one transaction, and the WAL is replayed in order, so the projector applies those
 * events again from the checkpoint that survived; a sink is sent them again, which it already has
 * to take (at-least-once). The events themselves are appended with synchronous commits, and a
 * projector only sees events once they are on disk.
 */
function commitWithoutFlushWait(tx: SqlExecutor): void {
  tx.atCommit?.('set local synchronous_commit to off');
}

/**
 * Runs the projection's apply. Its writes wait for the COMMIT (`atCommit`): apply reads first and
 * writes last (load, fold, write), so the batch then takes its transaction id only at the commit,
 * and its loading and folding hold back no reader of the log.
 */
function applyBatch(
  projection: AnyReadModelProjection,
  tx: SqlExecutor,
  schema: string,
  events: readonly RecordedEvent[],
  atCommit: boolean,
): Promise<ProjectionEffects | void> {
  const db = atCommit ? kyselyWritesAtCommit<unknown>(tx) : kyselyOver<unknown>(tx);
  return projection.apply(db.withSchema(schema), events);
}

/**
 * Delivers a batch to a sink, then (acknowledged) moves its checkpoint: at-least-once. With `save`
 * false it only delivers, and a later call moves the checkpoint past these events too.
 */
export async function commitSinkBatch(
  projection: SinkProjection,
  target: CommitTarget,
  events: readonly RecordedEvent[],
  end: Position,
  save = true,
): Promise<ProjectionEffects> {
  if (events.length > 0) await projection.deliver(events);
  if (!save) return {};
  const { name } = projection;
  await target.database
    .transaction(async (tx) => {
      await checkGuard(tx, name, target.generation, target.guard);
      const atCommit = target.guard === 'serving';
      if (atCommit) commitWithoutFlushWait(tx);
      await advanceCheckpoint(tx, name, target.generation, target.previous, end, { atCommit });
      await target.alsoInTransaction?.(tx);
    })
    .catch((error: unknown) => {
      throw batchError(error, name, target.generation);
    });
  return {};
}
