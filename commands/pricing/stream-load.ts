import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { loadAggregate } from '../runtime/load-aggregate.ts';
import type { StepPlan } from '../runtime/steps.ts';

/** A stream's state as a step plan reads it; outside a plan, `runtimeLoad` reads the same way. */
export type Load = Parameters<StepPlan>[0];

/** Reads a stream's state through the runtime's state cache, outside any command (quotes, previews). */
export function runtimeLoad(runtime: CommandRuntime): Load {
  return async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) =>
    (
      await loadAggregate(
        runtime.store,
        decider as Decider<unknown, DomainEvent, unknown>,
        stream,
        runtime.cache,
        false,
        runtime.upcasters,
      )
    ).state as S;
}
