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

/**
 * `load` reading each stream once: a later ask for the same stream gets the first read's state.
 * For one look at the store that asks for a stream from several places (a checkout's review reads
 * each product and its stock for the lines, then again for the pricing request): one moment's
 * state, read once, instead of two reads a moment apart.
 */
export function readOnce(load: Load): Load {
  const read = new Map<string, Promise<unknown>>();
  return <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) => {
    let state = read.get(stream);
    if (!state) read.set(stream, (state = load<S>(stream, decider)));
    return state as Promise<S>;
  };
}
