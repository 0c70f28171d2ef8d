/**
 * What a projector is, for the runtime that drives it. Two kinds:
 *
 * - a read-model projection writes PostgreSQL tables in the same transaction as its checkpoint,
 *   so every event takes effect exactly once (read models: products, orders, audit, ...);
 * - a sink projection delivers to something that is not in that transaction (NATS, ClickHouse):
 *   at-least-once, the sink de-duplicates by event id, and the checkpoint advances only after the
 *   sink acknowledged the batch.
 *
 * The runtime (checkpoints, batching, the single-active-instance lease, poison-event handling,
 * metrics, blue/green replay) lives beside this file; projections only say what an event does.
 */
import type { Kysely } from 'kysely';
import type { EventFilter, RecordedEvent } from '../../ports/event-store.ts';
import type { TableWrite } from '../batch-write.ts';

/** What applying a batch changed, for whoever caches derived answers (the read API's cache). */
export interface ProjectionEffects {
  /** Cache tags to drop once the batch has committed, e.g. `product:<id>`, `listing`, `search`. */
  invalidate?: readonly string[];
}

export interface ReadModelProjection<Database = unknown> {
  /** Stable name: the checkpoint's key, the `qm replay <name>` argument, the metrics label. */
  readonly name: string;
  /**
   * Bumped when `setup` or `apply` change meaning; a running version that differs from the stored
   * one asks the operator to `qm replay` (never silently re-interprets history).
   */
  readonly version: number;
  /** Only these events are fed to `apply` (the checkpoint still advances past the others). */
  readonly filter?: EventFilter;
  /**
   * Creates the projection's tables in an empty schema. Each generation of a read model lives in
   * its own schema (`rm_<name>_g<generation>`), which is what makes blue/green rebuilds possible:
   * `db` is already scoped to that schema with `withSchema`.
   */
  setup(db: Kysely<Database>, schema: string): Promise<void>;
  /**
   * Applies a batch, in log order, inside the runtime's transaction (`db` runs in it and is scoped
   * to the generation's schema). Throwing rolls the whole batch back; the runtime then isolates the
   * failing event and stops this projector naming it (a poison event), never skipping it silently.
   *
   * Read everything first, then write: on PostgreSQL the live projector sends the writes with the
   * COMMIT (`kyselyWritesAtCommit`), and a read after a write throws there.
   */
  apply(db: Kysely<Database>, events: readonly RecordedEvent[]): Promise<ProjectionEffects | void>;
  /**
   * `apply` in its three stages, when the projection can say them apart (`stagedApply` builds
   * `apply` from them). A replay then runs them apart: see `bulkFill`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly staged?: Staged<Database, any>;
}

/**
 * A batch-folding projection's apply as load, fold and write. `Models` are the read model's rows
 * that folding needs (orders by id, ...), held in memory.
 */
export interface Staged<Database, Models> {
  /** Holds no models yet. */
  empty(): Models;
  /** How many models are held (a replay keeps them between batches, up to a bound). */
  size(models: Models): number;
  /** Reads into `models` what folding `events` needs and `models` does not hold yet. */
  load(db: Kysely<Database>, events: readonly RecordedEvent[], models: Models): Promise<void>;
  /** Folds `events` into `models`, in memory: the rows to write, and what changed for caches. */
  fold(
    models: Models,
    events: readonly RecordedEvent[],
  ): { writes: TableWrite[]; effects: ProjectionEffects };
}

export interface SinkProjection {
  readonly name: string;
  readonly filter?: EventFilter;
  /**
   * Delivers a batch and resolves only once the sink has acknowledged every event. Must be
   * idempotent by event id: after a crash the same events are delivered again.
   */
  deliver(events: readonly RecordedEvent[]): Promise<void>;
  /**
   * After a batch that did not fill up (the sink caught up with the log), wait this long before the
   * next one, so that a sink whose every delivery costs much whatever its size (a ClickHouse
   * insert) takes the events of that time in one delivery instead of one per append. Its lag grows
   * by as much; read models never linger.
   */
  readonly lingerMs?: number;
  /**
   * Saves the checkpoint at most this often while deliveries keep coming (default: after every
   * delivery). Each save is a transaction whatever the batch, and a sink that keeps up with a busy
   * log delivers small batches many times a second; its deliveries are idempotent anyway, so the
   * price is only that a crash delivers up to this much again. Unlike `lingerMs`, it adds no lag.
   */
  readonly checkpointEveryMs?: number;
  /** For `qm replay`: empties what the sink holds so a delivery from the start rebuilds it. */
  reset?(): Promise<void>;
}

/**
 * A read-model projection whatever its table types: what the runtime, registries and CLI hold.
 * (`any`, not `unknown`: `apply` takes the projection's own Kysely database type.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReadModelProjection = ReadModelProjection<any>;
