import type { CommandContext } from './command-context.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { decideAndAppendSteps } from './multi-stream.ts';
import type { StepPlan, StepsOutcome } from './steps.ts';

/**
 * How many commands are expected to want the same streams at once. `hot`: many (order placement,
 * where most orders hold the same popular SKU), so racing for them would mostly lose and retry;
 * `normal`: races are rare, and the store's compare-and-set with a retry is the cheapest guard;
 * `batched`: races are rare, but such commands come many at a time (cart writes, each on its own
 * cart), so the group commit appends them together under their shared key where it runs, and
 * elsewhere they run as `normal` ones (never queued one at a time behind a lock).
 */
export type Contention = 'hot' | 'normal' | 'batched';

/** What a handler declares; the runtime decides how to run it (see `runCommand`). */
export interface CommandSpec {
  /**
   * What the command contends on: commands sharing a key queue behind each other (hot only). Name
   * the aggregate the hot streams hang off (`product:<id>` for its stock), not every stream.
   */
  keys: readonly string[];
  contention: Contention;
  /** Builds the steps from loaded state (see `StepPlan`); may run again with fresh state. */
  plan: StepPlan;
  /** An admin's If-Match on one stream: decided only on that revision, never retried. */
  pinned?: { stream: string; revision: number };
}

/**
 * Runs a command the way its contention and the backend allow, so that handlers never choose:
 * - hot or batched, a group commit configured and a backend that appends several streams
 *   atomically: queued with the other commands on its keys, decided with them and appended in one
 *   append;
 * - hot and keyed locks configured: this process's commands on its keys take turns instead of
 *   racing for their streams;
 * - otherwise (or pinned: a person's If-Match is never batched or queued): load, decide, append,
 *   retry on a lost race.
 * Every path lands the command whole or not at all, with the same answer; only throughput differs.
 */
export function runCommand(
  runtime: CommandRuntime,
  spec: CommandSpec,
  context: CommandContext,
): Promise<StepsOutcome> {
  const { keys, plan, pinned } = spec;
  if (spec.contention !== 'normal' && !pinned) {
    if (runtime.groupCommit && runtime.store.capabilities.atomicMultiStreamAppend)
      return runtime.groupCommit.run(runtime, keys, { plan, context });
    if (runtime.locks && spec.contention === 'hot')
      return runtime.locks.run(keys, () => decideAndAppendSteps(runtime, plan, context));
  }
  return decideAndAppendSteps(runtime, plan, context, pinned);
}
