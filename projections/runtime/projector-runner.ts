import type { EventStore, Position, RecordedEvent } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import type { Registry } from '../../infra/metrics/registry.ts';
import type { SqlSession } from '../../infra/sql/pg-session.ts';
import type { SqlClient } from '../../infra/sql/sql-client.ts';
import {
  commitReadModelBatch,
  commitSinkBatch,
  GenerationSwitched,
  ProjectorPaused,
  readNextBatch,
  type CommitTarget,
} from './batch.ts';
import { CheckpointMoved, readGenerationCheckpoint, reached, waitForCheckpoint } from './checkpoints.ts';
import { createGeneration } from './generations.ts';
import { acquireLease, instanceHolder, type HeldLease } from './instance-lease.ts';
import { measureLag } from './lag.ts';
import type { LogTail } from './log-tail.ts';
import { isTransient, PoisonEvent } from './poison-event.ts';
import type { AnyReadModelProjection, ProjectionEffects, SinkProjection } from './projection.ts';
import { projectorMetrics } from './projector-metrics.ts';
import { withEventsSpan } from '../../infra/telemetry/trace-context.ts';
import {
  assertProjectionName,
  readRegistration,
  registerProjection,
  setStatus,
  type ProjectionKind,
} from './registry.ts';
import { loadSkips } from './skips.ts';
import { sleep, untilAppendOr } from './sleep.ts';

export interface ProjectorDeps {
  store: EventStore;
  /** Holds the read models, checkpoints, registry and leases. */
  database: SqlClient;
  log: Logger;
  metrics: Registry;
  /**
   * Opens a dedicated PostgreSQL session for the single-instance advisory lock (see
   * `infra/sql/pg-session.ts`). Leave it out on PGlite: the lease row alone then decides.
   */
  openSession?: () => Promise<SqlSession>;
}

export interface ProjectorOptions {
  /** Events per read and per transaction (default 500; replays use more). */
  batchSize?: number;
  /** Called after each committed batch that applied events, e.g. to invalidate caches. */
  onApplied?: (effects: ProjectionEffects, position: Position) => void | Promise<void>;
  /**
   * Wait between reads once caught up (default 20 ms): bounds the lag behind other processes'
   * appends; an append in this process ends the wait at once.
   */
  pollIntervalMs?: number;
  /** Lease duration (default 15 s); a hung holder is replaced after it. */
  leaseMs?: number;
  /** How often a standby instance tries to take over (default 1 s). */
  leaseRetryMs?: number;
  /** How often lag is measured for the metrics (default 5 s). */
  lagIntervalMs?: number;
  /** How often a stopped (failed) projector checks whether an operator resumed it (default 1 s). */
  pausedPollMs?: number;
  /**
   * How long a projector that is following the shared log tail may leave its checkpoint behind
   * events it has no use for (default 200 ms): see `follow`.
   */
  idleCheckpointMs?: number;
  /** Names this instance in the lease row (default host:pid:random). */
  holder?: string;
  /**
   * The log as this process's projectors share it (`createLogTail`): caught up, a projector takes its
   * batches from there instead of reading the store; behind it, it reads the store itself.
   */
  tail?: LogTail;
  /**
   * Rebuilds this read model blue/green (the composition passes `replayProjection`). Given, a
   * projector whose code version differs from the serving generation's rebuilds it itself, while
   * the old generation keeps serving, instead of stopping until an operator runs `qm replay`: an
   * upgrade that changes a read model must not leave a shop's catalog frozen.
   */
  rebuild?: (projection: AnyReadModelProjection) => Promise<void>;
}

export interface RunningProjector {
  readonly name: string;
  /** Stops following the log and releases the lease; resolves once the current batch is done. */
  stop(): Promise<void>;
  /** true once the checkpoint is at or past `position`, false on timeout */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** Whether this instance holds the lease (a second instance waits, false, until the first dies). */
  readonly active: boolean;
  /** The poison-event (or version) error this projector stopped on, else `null`. */
  readonly failure: string | null;
}

type Subject =
  { kind: 'read_model'; projection: AnyReadModelProjection } | { kind: 'sink'; projection: SinkProjection };

/**
 * Runs a read-model projection: follows the global log from its checkpoint in batches, each applied
 * with its checkpoint in one transaction (compare-and-set), on the generation that serves. Resolves
 * once the projection is registered (generation 1 set up on the very first start), so its schema can
 * be read at once; following the log waits for this instance to hold the lease.
 */
export function startReadModelProjector(
  deps: ProjectorDeps,
  projection: AnyReadModelProjection,
  options: ProjectorOptions = {},
): Promise<RunningProjector> {
  return startProjector(deps, { kind: 'read_model', projection }, options);
}

/** Runs a sink projection: deliver a batch, then (acknowledged) save the checkpoint: at-least-once. */
export function startSinkProjector(
  deps: ProjectorDeps,
  projection: SinkProjection,
  options: ProjectorOptions = {},
): Promise<RunningProjector> {
  return startProjector(deps, { kind: 'sink', projection }, options);
}

/** The code version a registration must match: sinks have none (a replay just redelivers). */
const versionOf = (subject: Subject) => (subject.kind === 'read_model' ? subject.projection.version : 0);

/**
 * Registers the projection on its first start and sets up generation 1, in one transaction (two
 * processes starting together: the second waits on the insert and finds it done).
 */
export async function ensureRegistered(database: SqlClient, subject: Subject): Promise<void> {
  const kind: ProjectionKind = subject.kind;
  await database.transaction(async (tx) => {
    const { created } = await registerProjection(tx, subject.projection.name, kind, versionOf(subject));
    if (created && subject.kind === 'read_model') await createGeneration(tx, subject.projection, 1);
  });
}

async function startProjector(
  deps: ProjectorDeps,
  subject: Subject,
  options: ProjectorOptions,
): Promise<RunningProjector> {
  const { store, database } = deps;
  const { name, filter } = subject.projection;
  assertProjectionName(name);
  const log = deps.log.child({ projection: name });
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 20;
  const lingerMs = subject.kind === 'sink' ? (subject.projection.lingerMs ?? 0) : 0;
  const checkpointEveryMs = subject.kind === 'sink' ? (subject.projection.checkpointEveryMs ?? 0) : 0;
  const idleCheckpointMs = options.idleCheckpointMs ?? 200;
  const { tail } = options;
  const holder = options.holder ?? instanceHolder();
  const metrics = projectorMetrics(deps.metrics, name);
  await ensureRegistered(database, subject);

  const stopper = new AbortController();
  let active = false;
  let failure: string | null = null;
  let generation = 0;
  let checkpoint: Position | null = null;
  /** How far a sink has delivered past its saved checkpoint (`SinkProjection.checkpointEveryMs`). */
  let unsaved: Position | null = null;
  /** Where the next batch starts: after everything applied or delivered. */
  const readFrom = () => unsaved ?? checkpoint;
  /** When the last batch was committed (performance.now()). */
  let committedAt = 0;
  /** Ends the wait of an empty stretch held back (see `follow`) when a reader comes for it. */
  let endHold: (() => void) | null = null;
  let skips = new Set<string>();
  const waiters = new Set<{ position: Position; resolve: (reached: boolean) => void }>();

  const pause = (message: string) => {
    failure = message;
    metrics.failed(true);
  };

  /** Reads where to continue: the serving generation, its checkpoint, the skips, and whether it may run. */
  async function loadState(): Promise<void> {
    const registration = await readRegistration(database, name);
    if (!registration) throw new Error(`projection ${name} is not registered`);
    generation = registration.activeGeneration;
    checkpoint = await readGenerationCheckpoint(database, name, generation);
    unsaved = null;
    skips = await loadSkips(database, name);
    if (checkpoint) metrics.position(checkpoint.prepare);
    if (registration.status === 'failed') {
      pause(registration.lastError ?? `projection ${name} is stopped (status failed)`);
      log.error({ error: failure }, 'projector is stopped; see qm projection status');
      return;
    }
    if (registration.version !== versionOf(subject)) {
      if (subject.kind === 'read_model' && options.rebuild) {
        log.warn(
          { from: registration.version, to: versionOf(subject), generation },
          'the code of this read model changed: rebuilding it from the log (the old generation serves meanwhile)',
        );
        try {
          await options.rebuild(subject.projection);
          return loadState();
        } catch (error) {
          log.error({ err: error }, 'the automatic rebuild failed');
        }
      }
      const message =
        `projection ${name}: the code is version ${versionOf(subject)} but generation ${generation} ` +
        `was built by version ${registration.version}; it is not applied until rebuilt: run \`qm replay ${name}\``;
      await setStatus(database, name, 'failed', message);
      pause(message);
      log.error(message);
      return;
    }
    failure = null;
    metrics.failed(false);
    // A rebuild or a switch may have carried the checkpoint past what readers wait for.
    settle();
  }

  /** Whether a reader in this process waits for a position `end` passes. */
  const awaited = (end: Position) => [...waiters].some((waiter) => reached(end, waiter.position));

  function settle(): void {
    for (const waiter of waiters) {
      if (reached(checkpoint, waiter.position)) {
        waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  }

  /**
   * Whether a batch ending at `end` saves the checkpoint: always for a read model; for a sink that
   * paces its saves, once the last save is old enough, when a reader here waits for `end`, or when
   * the projector is stopping.
   */
  const saveDue = (end: Position) =>
    checkpointEveryMs === 0 ||
    performance.now() - committedAt >= checkpointEveryMs ||
    awaited(end) ||
    stopper.signal.aborted;

  async function commit(events: readonly RecordedEvent[], end: Position): Promise<void> {
    const target: CommitTarget = { database, generation, previous: checkpoint, guard: 'serving' };
    const save = saveDue(end);
    // A span per batch under the trace of the command that appended its (first) event.
    const effects = await withEventsSpan(
      'qm.projector.batch',
      'internal',
      events,
      { 'qm.projection': name },
      () =>
        subject.kind === 'read_model'
          ? commitReadModelBatch(subject.projection, target, events, end)
          : commitSinkBatch(subject.projection, target, events, end, save),
    );
    if (save) {
      checkpoint = end;
      unsaved = null;
      committedAt = performance.now();
      settle();
    } else {
      unsaved = end;
    }
    metrics.position(end.prepare);
    metrics.applied(events.length);
    if (events.length > 0 && options.onApplied) {
      try {
        await options.onApplied(effects, end);
      } catch (error) {
        log.warn({ err: error }, 'onApplied failed (the batch is committed)');
      }
    }
  }

  /** Failures that are not the events' fault: reload or wait, then go on. Returns false for the others. */
  async function recover(error: unknown, until: AbortSignal): Promise<boolean> {
    if (
      error instanceof GenerationSwitched ||
      error instanceof CheckpointMoved ||
      error instanceof ProjectorPaused
    ) {
      log.info({ reason: error.name }, 'projector reloads its generation and checkpoint');
      await loadState();
      return true;
    }
    if (isTransient(error)) {
      log.warn({ err: error }, 'projector batch failed on a transient error; retrying');
      await sleep(1000, until);
      return true;
    }
    return false;
  }

  async function stopOnPoison(event: RecordedEvent, error: unknown): Promise<void> {
    const poison = new PoisonEvent(name, event, error);
    log.error(
      {
        err: error,
        eventId: event.id,
        eventType: event.type,
        stream: event.stream,
        revision: event.revision,
        position: positionToToken(event.position),
      },
      poison.message,
    );
    pause(poison.message);
    await setStatus(database, name, 'failed', poison.message);
  }

  /** Commits a batch; if it throws, commits event by event to find the one that fails, and stops on it. */
  async function commitOrIsolate(events: readonly RecordedEvent[], end: Position, until: AbortSignal) {
    try {
      await commit(events, end);
      return;
    } catch (error) {
      if (await recover(error, until)) return;
      if (events.length === 0) throw error;
      if (events.length === 1) return stopOnPoison(events[0]!, error);
    }
    for (const event of events) {
      try {
        await commit([event], event.position);
      } catch (error) {
        if (!(await recover(error, until))) await stopOnPoison(event, error);
        return;
      }
    }
    await commit([], end);
  }

  async function follow(lost: AbortSignal): Promise<void> {
    const until = AbortSignal.any([stopper.signal, lost]);
    await loadState();
    while (!until.aborted) {
      if (failure !== null) {
        await sleep(options.pausedPollMs ?? 1000, until);
        const registration = await readRegistration(database, name);
        if (registration?.status === 'running') {
          log.info('projector resumed');
          await loadState();
        }
        continue;
      }
      try {
        // `null` from the tail means "nothing yet"; only `undefined` sends the projector to the store.
        const seen = store.appendSequence?.();
        const from = readFrom();
        let batch = tail?.batchAfter(from, batchSize, filter, skips);
        const fromTail = batch !== undefined;
        if (batch === undefined) batch = await readNextBatch(store, from, batchSize, filter, skips);
        if (!batch) {
          metrics.lag(0, 0);
          // Caught up: what a sink delivered since its last save is saved once that is due.
          if (unsaved && saveDue(unsaved)) {
            await commitOrIsolate([], unsaved, until);
            continue;
          }
          await (tail
            ? tail.waitBeyond(from, pollIntervalMs, until)
            : untilAppendOr(store, pollIntervalMs, until, seen));
          continue;
        }
        // Nothing for this projection, and a checkpoint committed moments ago: a busy shop's log
        // moves with every append, and committing each such empty stretch cost every projector a
        // transaction per append (35 of the 38 transactions of a checkout were projectors', most of
        // them empty). The stretch is held back instead, and committed with the next batch that
        // has events, or after idleCheckpointMs, or at once when a reader in this process waits for
        // a position in it (`waitFor` ends the hold). A reader in another process, polling the
        // checkpoint for an event this projection has no use for, waits that much longer at most.
        // Only from the tail: a projector catching up from the store moves its checkpoint as it reads.
        const sinceCommit = performance.now() - committedAt;
        if (
          tail &&
          fromTail &&
          batch.events.length === 0 &&
          sinceCommit < idleCheckpointMs &&
          !awaited(batch.end)
        ) {
          // A race, not a combined AbortSignal: this runs per read of the log, and a signal
          // derived from the long-lived `until` each time is more to collect than a promise.
          const readerCame = new Promise<void>((resolve) => (endHold = resolve));
          await Promise.race([tail.waitBeyond(batch.end, idleCheckpointMs - sinceCommit, until), readerCame]);
          endHold = null;
          continue;
        }
        await commitOrIsolate(batch.events, batch.end, until);
        if (lingerMs > 0 && batch.events.length < batchSize) await sleep(lingerMs, until);
      } catch (error) {
        if (await recover(error, until)) continue;
        log.error({ err: error }, 'projector loop failed; retrying');
        await sleep(1000, until);
      }
    }
    // Stopped while holding the lease: what was delivered is saved, or the next start sends it again.
    if (unsaved && !lost.aborted)
      await commit([], unsaved).catch((error: unknown) =>
        log.warn({ err: error }, 'could not save the checkpoint on stop'),
      );
  }

  async function run(): Promise<void> {
    while (!stopper.signal.aborted) {
      let lease: HeldLease | null = null;
      try {
        lease = await acquireLease(
          {
            database,
            openSession: deps.openSession,
            name,
            holder,
            leaseMs: options.leaseMs ?? 15_000,
            retryMs: options.leaseRetryMs ?? 1000,
            log,
          },
          stopper.signal,
        );
        if (!lease) return;
        active = true;
        metrics.active(true);
        log.info({ holder }, 'projector holds the lease and follows the log');
        await follow(lease.lost);
      } catch (error) {
        log.error({ err: error }, 'projector failed; starting again');
        await sleep(1000, stopper.signal);
      } finally {
        active = false;
        metrics.active(false);
        await lease?.release();
      }
    }
  }

  const lagTimer = setInterval(() => {
    if (!active || failure !== null) return;
    measureLag(store, readFrom())
      .then((lag) => metrics.lag(lag.events, lag.ms))
      .catch((error: unknown) => log.debug({ err: error }, 'lag measurement failed'));
  }, options.lagIntervalMs ?? 5000);
  lagTimer.unref();

  const running = run();

  return {
    name,
    get active() {
      return active;
    },
    get failure() {
      return failure;
    },
    async stop() {
      stopper.abort();
      clearInterval(lagTimer);
      await running;
      for (const waiter of waiters) waiter.resolve(false);
      waiters.clear();
    },
    waitFor(position, timeoutMs) {
      if (active && reached(checkpoint, position)) return Promise.resolve(true);
      // A standby instance does not see the checkpoint move: ask the database.
      if (!active) return waitForCheckpoint(database, [name], position, timeoutMs);
      return new Promise((resolve) => {
        const waiter = {
          position,
          resolve: (value: boolean) => {
            clearTimeout(timer);
            resolve(value);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          resolve(false);
        }, timeoutMs);
        waiters.add(waiter);
        // A held-back empty stretch may hold this position: commit it now, not after the hold.
        endHold?.();
      });
    },
  };
}
