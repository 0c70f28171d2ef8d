import type { DecisionLock } from '../../ports/decision-lock.ts';
import type { EventStore } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import type { CommandContext } from './command-context.ts';
import type { KeyedLock } from './keyed-lock.ts';
import type { StateCache } from './state-cache.ts';
import type { StreamTurns } from './stream-turns.ts';
import type { StepPlan, StepsOutcome } from './steps.ts';
import type { UpcasterRegistry } from './upcasters.ts';

// The runtime may carry a group commit, and a group commit runs on a runtime: the two types name
// each other, so they live in one file that imports no runtime code (apart, they formed a cycle).

/** What command handlers share: the store, the state cache, id generation, retry policy. */
export interface CommandRuntime {
  store: EventStore;
  cache: StateCache;
  ids: IdGenerator;
  /** Times a command is decided again after losing a race for its stream. */
  maxRetries: number;
  /** Queues commands of this process that would race for the same hot stream (see keyed-lock.ts). */
  locks?: KeyedLock;
  /**
   * Decides queued multi-stream commands on hot streams together and appends them in one atomic
   * append (see group-commit.ts); used where the backend appends several streams atomically.
   */
  groupCommit?: GroupCommit;
  /**
   * Turns on single streams: a command retrying after a lost race holds the streams it lost on, and
   * the process's other appends wait for it (see stream-turns.ts). None: retries race as first tries do.
   */
  turns?: StreamTurns;
  /**
   * Where several processes write one store: group commit retries after a lost race under this
   * lock, keyed by the stream it lost on (see ports/decision-lock.ts). None: one writer process.
   */
  decisionLock?: DecisionLock;
  /** Upcasts old event versions as streams are loaded (none registered: events are current). */
  upcasters?: UpcasterRegistry;
}

/** One command of a group: its plan (as for `decideAndAppendSteps`) and its own audit context. */
export interface GroupMember {
  plan: StepPlan;
  context: CommandContext;
}

/**
 * Group commit for multi-stream commands on hot streams (order placement: most orders hold the
 * same popular SKU). While one group's append is in flight, the next commands touching its keys
 * queue; they are then decided together, in arrival order, against the state the last group left,
 * and appended in one atomic multi-stream append (one compare-and-set per stream). Each command
 * still lands whole or not at all: a refused one (a shortage) leaves the state untouched for the
 * ones after it and gets its own error; each accepted one gets its own events, revisions and position.
 * Needs a backend with atomic multi-stream appends; callers use `decideAndAppendSteps` elsewhere.
 */
export interface GroupCommit {
  run(runtime: CommandRuntime, keys: readonly string[], member: GroupMember): Promise<StepsOutcome>;
}
