import type { CommandRuntime } from './command-runtime.ts';
import type { Step } from './steps.ts';

/**
 * A stream's state for a step without reading the store: the initial state when the step expects
 * a new stream and the cache knows nothing of it (first attempt only); null when it must be read.
 */
export function assumedNew(
  runtime: CommandRuntime,
  step: Pick<Step, 'stream' | 'decider' | 'expectNew'>,
  attempt: number,
): { state: unknown; revision: null } | null {
  if (!step.expectNew || attempt > 0 || runtime.cache.get(step.stream) !== undefined) return null;
  return { state: step.decider.initialState(), revision: null };
}
