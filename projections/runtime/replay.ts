import type { EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { SqlSession } from '../../infra/sql/pg-session.ts';
import type { SqlClient, SqlExecutor } from '../../infra/sql/sql-client.ts';
import {
  commitReadModelBatch,
  commitSinkBatch,
  readNextBatch,
  type CommitTarget,
  type Guard,
} from './batch.ts';
import { CheckpointMoved, readGenerationCheckpoint, resetCheckpoint } from './checkpoints.ts';
import { refreshReadStatistics } from '../../infra/event-store/sql/read-statistics.ts';
import { bulkFill, settled, type Fill, type Filled } from './bulk-fill.ts';
import { createGeneration, dropGeneration, restoreIndexes, setIndexesAside } from './generations.ts';
import { acquireLease } from './instance-lease.ts';
import { PoisonEvent } from './poison-event.ts';
import type { AnyReadModelProjection, SinkProjection } from './projection.ts';
import { ensureRegistered } from './projector-runner.ts';
import { lockRegistration, readRegistration } from './registry.ts';
import { loadSkips } from './skips.ts';
import { REPLAY_BATCH_SIZE } from './replay-batch-size.ts';

export interface ReplayProgress {
  /** Events read from the log so far (applied or passed by the filter). */
  events: number;
  /** Events in the whole log when the replay began, when the store can count them cheaply. */
  total: number | null;
  position: Position | null;
}

// In a module of its own so that `qm replay` can show it without loading the replay.
export { REPLAY_BATCH_SIZE };

export interface ReplayOptions {
  /** Events per read and transaction (default `REPLAY_BATCH_SIZE`). */
  batchSize?: number;
  /** Called after each committed batch; a returned promise is awaited (the next batch waits). */
  onProgress?: (progress: ReplayProgress) => void | Promise<void>;
  /** `false`: fill the careful way only, even where the bulk fill could (default `true`). */
  bulk?: boolean;
  /** Models the bulk fill keeps in memory before it drops them (default `MODEL_LIMIT`). */
  modelLimit?: number;
}

export interface ReplayDeps {
  store: EventStore;
  database: SqlClient;
  log: Logger;
  openSession?: () => Promise<SqlSession>;
}

export interface ReplayResult {
  generation: number;
  /** Events read from the log by the replay. */
  events: number;
  seconds: number;
}

export type ReplaySubject =
  { kind: 'read_model'; projection: AnyReadModelProjection } | { kind: 'sink'; projection: SinkProjection };

/**
 * Rebuilds a projection from the start of the log.
 *
 * Read model, blue/green: generation N+1 is set up in a new schema and filled from position zero
 * while generation N keeps serving (its live projector keeps running). Its secondary indexes are
 * built once the fill is done. A staged projection on PostgreSQL fills by `bulkFill` first; the
 * careful fill (one transaction per batch, poison events named) takes it from there, or from empty
 * if the bulk fill failed. Once the fill has caught up, its last batch commits together with the
 * registry's switch to N+1 (under the registration lock, which live batches hold shared, so none
 * is in flight on N). The live projector then finds its generation switched and continues on N+1
 * from N+1's checkpoint; N is dropped.
 *
 * Sink: `reset()` empties it, a new generation starts at the beginning and serves at once, and the
 * replay delivers up to the head (a live projector may deliver beside it: the sink de-duplicates).
 */
export async function replayProjection(
  deps: ReplayDeps,
  subject: ReplaySubject,
  options: ReplayOptions = {},
): Promise<ReplayResult> {
  const { database, log } = deps;
  const name = subject.projection.name;
  await ensureRegistered(database, subject);
  const lease = await acquireLease(
    {
      database,
      openSession: deps.openSession,
      name: `replay:${name}`,
      holder: `replay:${process.pid}:${Date.now()}`,
      leaseMs: 60_000,
      retryMs: 250,
      log,
    },
    AbortSignal.timeout(1000),
  );
  if (!lease) throw new Error(`another replay of ${name} is running`);
  try {
    const started = performance.now();
    const total = await countEvents(deps.store, database);
    if (total !== null && (await refreshReadStatistics(database))) {
      log.info({ projection: name }, 'analyzed the event log first: its statistics were missing or stale');
    }
    const run = subject.kind === 'read_model' ? replayReadModel : replaySink;
    const { generation, events } = await run(deps, subject as never, total, options);
    const seconds = (performance.now() - started) / 1000;
    log.info({ projection: name, generation, events, seconds }, 'replay done; the new generation serves');
    return { generation, events, seconds };
  } finally {
    await lease.release();
  }
}

/** Events in the log, hot and archived, when the store is SQL on this database (one count); `null` elsewhere (no ETA). */
async function countEvents(store: EventStore, database: SqlExecutor): Promise<number | null> {
  if (store.capabilities.backend === 'esdb') return null;
  const [row] = await database.query<{ n: string }>('select count(*)::text as n from qm_event_log');
  return row ? Number(row.n) : null;
}

async function replayReadModel(
  deps: ReplayDeps,
  subject: Extract<ReplaySubject, { kind: 'read_model' }>,
  total: number | null,
  options: ReplayOptions,
): Promise<{ generation: number; events: number }> {
  const { database, store, log } = deps;
  const { projection } = subject;
  const old = (await readRegistration(database, projection.name))!.activeGeneration;
  const generation = old + 1;
  const create = () =>
    database.transaction(async (tx) =>
      setIndexesAside(tx, await createGeneration(tx, projection, generation)),
    );
  const indexes = await create();
  const fill: Fill = {
    store,
    database,
    name: projection.name,
    filter: projection.filter,
    generation,
    batchSize: options.batchSize ?? REPLAY_BATCH_SIZE,
    skips: await loadSkips(database, projection.name),
    report: (events, position) => options.onProgress?.({ events, total, position }),
    ...(options.modelLimit ? { modelLimit: options.modelLimit } : {}),
  };
  // Built in the switching transaction, before it locks the registry: live batches keep going.
  const switchTo = async (tx: SqlExecutor) => {
    await restoreIndexes(tx, indexes);
    await switchGeneration(tx, projection.name, old, generation, projection.version);
  };
  let events: number;
  try {
    let filled: Filled = { checkpoint: null, events: 0 };
    // PostgreSQL only: the bulk fill reads on one connection while it writes on another, where
    // PGlite has one connection for everything.
    if (projection.staged && database.dialect === 'postgres' && options.bulk !== false) {
      try {
        filled = await bulkFill(fill, projection.staged);
      } catch (error) {
        log.warn(
          { projection: projection.name, err: error },
          'the bulk replay failed; filling again batch by batch, which names the event if one is at fault',
        );
        await create();
      }
    }
    events = await carefulFill(subject, fill, filled, switchTo);
  } catch (error) {
    await database
      .transaction((tx) => dropGeneration(tx, projection.name, generation))
      .catch(() => undefined);
    throw error;
  }
  await database.transaction((tx) => dropGeneration(tx, projection.name, old));
  return { generation, events };
}

/**
 * Fills the generation from `from` up to the head, one transaction per batch (a failing batch is
 * retried event by event to name a poison event), and switches to it in the last batch's
 * transaction. Returns the events read in all.
 */
async function carefulFill(
  subject: Extract<ReplaySubject, { kind: 'read_model' }>,
  fill: Fill,
  from: Filled,
  switchTo: (tx: SqlExecutor) => Promise<void>,
): Promise<number> {
  const { database, store } = fill;
  let { checkpoint, events } = from;
  const read = (after: Position | null) =>
    settled(readNextBatch(store, after, fill.batchSize, fill.filter, fill.skips));
  let next = read(checkpoint);
  for (;;) {
    const batch = await next;
    const caughtUp = !batch || !batch.full;
    const end: Position | null = batch?.end ?? checkpoint;
    // The next read of the log runs while this batch commits: the two use different connections
    // (and mostly different cores), so a rebuild is not the sum of both.
    if (!caughtUp) next = read(end);
    const target: CommitTarget = {
      database,
      generation: fill.generation,
      previous: checkpoint,
      guard: 'building',
      ...(caughtUp ? { alsoInTransaction: switchTo } : {}),
    };
    if (end) await commitOrPoison(subject, target, batch?.events ?? [], end);
    else await database.transaction(switchTo);
    checkpoint = end;
    events += batch?.events.length ?? 0;
    await fill.report(events, checkpoint);
    if (caughtUp) return events;
  }
}

/** Makes `generation` serve instead of `old`, built by `version`, running. */
async function switchGeneration(
  tx: SqlExecutor,
  name: string,
  old: number,
  generation: number,
  version: number,
): Promise<void> {
  await lockRegistration(tx, name);
  const registration = await readRegistration(tx, name, 'for update');
  if (registration?.activeGeneration !== old) {
    throw new Error(`${name} switched to generation ${registration?.activeGeneration} during this replay`);
  }
  await tx.query(
    `update qm_projections set active_generation = $2, version = $3, status = 'running', last_error = null,
       updated_at = now() where name = $1`,
    [name, generation, version],
  );
}

async function replaySink(
  deps: ReplayDeps,
  subject: Extract<ReplaySubject, { kind: 'sink' }>,
  total: number | null,
  options: ReplayOptions,
): Promise<{ generation: number; events: number }> {
  const { database, store } = deps;
  const { projection } = subject;
  const batchSize = options.batchSize ?? REPLAY_BATCH_SIZE;
  const old = (await readRegistration(database, projection.name))!.activeGeneration;
  const generation = old + 1;
  await projection.reset?.();
  await database.transaction(async (tx) => {
    await resetCheckpoint(tx, projection.name, generation);
    await switchGeneration(tx, projection.name, old, generation, 0);
    await tx.query('delete from qm_projection_checkpoints where name = $1 and generation = $2', [
      projection.name,
      old,
    ]);
  });
  const skips = await loadSkips(database, projection.name);
  const read = (from: Position | null) =>
    settled(readNextBatch(store, from, batchSize, projection.filter, skips));
  let checkpoint: Position | null = null;
  let events = 0;
  let next = read(null);
  for (;;) {
    const batch = await next;
    if (!batch) break;
    // Read ahead while the sink takes this batch, as for read models.
    next = read(batch.end);
    const target: CommitTarget = { database, generation, previous: checkpoint, guard: 'serving' };
    try {
      await commitOrPoison(subject, target, batch.events, batch.end);
      checkpoint = batch.end;
    } catch (error) {
      // A live projector delivered beside the replay and moved the checkpoint: go on from there.
      if (!(error instanceof CheckpointMoved)) throw error;
      checkpoint = await readGenerationCheckpoint(database, projection.name, generation);
      next = read(checkpoint);
    }
    events += batch.events.length;
    await options.onProgress?.({ events, total, position: checkpoint });
  }
  return { generation, events };
}

/** Commits a batch; on failure finds the event that fails alone and throws `PoisonEvent` naming it. */
async function commitOrPoison(
  subject: ReplaySubject,
  target: CommitTarget,
  events: readonly RecordedEvent[],
  end: Position,
): Promise<void> {
  const commit = (target: CommitTarget, batch: readonly RecordedEvent[], to: Position) =>
    subject.kind === 'read_model'
      ? commitReadModelBatch(subject.projection, target, batch, to)
      : commitSinkBatch(subject.projection, target, batch, to);
  try {
    await commit(target, events, end);
    return;
  } catch (error) {
    if (error instanceof CheckpointMoved || events.length === 0) throw error;
  }
  const guard: Guard = target.guard;
  let previous = target.previous;
  for (const event of events) {
    try {
      await commit(
        { database: target.database, generation: target.generation, previous, guard },
        [event],
        event.position,
      );
      previous = event.position;
    } catch (error) {
      if (error instanceof CheckpointMoved) throw error;
      throw new PoisonEvent(subject.projection.name, event, error);
    }
  }
  await commit({ ...target, previous }, [], end);
}
