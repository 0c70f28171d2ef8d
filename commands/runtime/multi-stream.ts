import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { StreamAppend } from '../../ports/event-store.ts';
import { assumedNew } from './assumed-new.ts';
import { decideInTurn } from './decide-in-turn.ts';
import type { CommandContext } from './command-context.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { loadAggregate } from './load-aggregate.ts';
import type { Step, StepPlan, StepsOutcome } from './steps.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import { appendInTurn } from './stream-turns.ts';
import { toNewEvents } from './to-new-events.ts';

/**
 * Decides every step on its stream's state and appends them all or none. `plan` builds the steps
 * from loaded state and may refuse (a shortage); it runs again after a lost race, with fresh state,
 * and once after a refusal decided on cached state (the attempt loop is `retryOnConflict`, shared
 * with single-stream commands).
 * Where the backend cannot append atomically, steps are appended in order and a refusal undoes the
 * earlier ones with their compensations: the user sees the same outcome either way.
 */
export async function decideAndAppendSteps(
  runtime: CommandRuntime,
  plan: StepPlan,
  context: CommandContext,
  /** An admin's If-Match on one stream: decided only on that revision, never retried. */
  pinned?: { stream: string; revision: number },
  /** Decide on what the store holds from the start, not on the state cache. */
  options: { fresh?: boolean } = {},
): Promise<StepsOutcome> {
  return retryOnConflict(
    runtime,
    async (attempt) => {
      const loaded: Loaded = new Map();
      const load = async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>): Promise<S> => {
        const isPinned = pinned?.stream === stream;
        const entry = await loadAggregate(
          runtime.store,
          decider,
          stream,
          runtime.cache,
          attempt === 0 && !isPinned,
          runtime.upcasters,
        );
        if (isPinned && entry.revision !== pinned.revision) {
          throw new WrongExpectedRevision(stream, pinned.revision, entry.revision);
        }
        loaded.set(stream, entry);
        return entry.state as S;
      };
      const steps = await plan(load);
      for (const step of steps) {
        if (loaded.has(step.stream)) continue;
        const fresh = assumedNew(runtime, step, attempt);
        if (fresh) loaded.set(step.stream, fresh);
        else await load(step.stream, step.decider);
      }
      return runtime.store.capabilities.atomicMultiStreamAppend
        ? await appendAtomically(runtime, steps, loaded, context)
        : await appendWithCompensation(runtime, steps, loaded, context);
    },
    // Only the pinned stream is read fresh: the others may be cached, so a refusal is decided again.
    { ...(pinned ? { pinned: pinned.stream } : {}), fresh: options.fresh ?? false },
  );
}

type Loaded = Map<string, { state: unknown; revision: number | null }>;

function decideStep(step: Step, loaded: Loaded): { events: DomainEvent[]; state: unknown } {
  return decideInTurn(step.decider, [step.command as never], loaded.get(step.stream)!.state);
}

async function appendAtomically(
  runtime: CommandRuntime,
  steps: Step[],
  loaded: Loaded,
  context: CommandContext,
): Promise<StepsOutcome> {
  const decided = steps.map((step) => ({ step, ...decideStep(step, loaded) }));
  const appends: StreamAppend[] = decided
    .filter((d) => d.events.length > 0)
    .map((d) => ({
      stream: d.step.stream,
      expected: loaded.get(d.step.stream)!.revision ?? 'no_stream',
      events: toNewEvents(d.events, context, runtime.ids),
    }));
  const outcome: StepsOutcome = { events: new Map(), revisions: new Map(), position: null };
  if (appends.length === 0) return outcome;
  const results = await appendInTurn(
    runtime.turns,
    appends.map((a) => a.stream),
    () => runtime.store.appendMulti(appends),
  );
  results.forEach((result, index) => {
    const stream = appends[index]!.stream;
    const d = decided.find((entry) => entry.step.stream === stream)!;
    runtime.cache.set(stream, { state: d.state, revision: result.nextRevision });
    outcome.events.set(stream, d.events);
    outcome.revisions.set(stream, result.nextRevision);
    outcome.position = result.position; // one commit: every stream shares its position's transaction
  });
  return outcome;
}

async function appendWithCompensation(
  runtime: CommandRuntime,
  steps: Step[],
  loaded: Loaded,
  context: CommandContext,
): Promise<StepsOutcome> {
  const outcome: StepsOutcome = { events: new Map(), revisions: new Map(), position: null };
  const done: { step: Step; events: DomainEvent[] }[] = [];
  try {
    for (const step of steps) {
      // Each stream's step stands alone here, so a lost race re-decides just that step on fresh state.
      for (let attempt = 0; ; attempt++) {
        const { events, state } = decideStep(step, loaded);
        if (events.length === 0) break;
        const expected = loaded.get(step.stream)!.revision ?? 'no_stream';
        try {
          const newEvents = toNewEvents(events, context, runtime.ids);
          const result = await appendInTurn(runtime.turns, [step.stream], () =>
            runtime.store.append(step.stream, newEvents, expected),
          );
          runtime.cache.set(step.stream, { state, revision: result.nextRevision });
          done.push({ step, events });
          outcome.events.set(step.stream, events);
          outcome.revisions.set(step.stream, result.nextRevision);
          outcome.position = result.position;
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedRevision) || attempt >= runtime.maxRetries) throw error;
          loaded.set(
            step.stream,
            await loadAggregate(
              runtime.store,
              step.decider,
              step.stream,
              runtime.cache,
              false,
              runtime.upcasters,
            ),
          );
        }
      }
    }
    return outcome;
  } catch (error) {
    await compensate(runtime, done, context, error);
    throw error;
  }
}

/** Undoes appended steps, newest first; each undo retries on its own stream until it lands. */
async function compensate(
  runtime: CommandRuntime,
  done: { step: Step; events: DomainEvent[] }[],
  context: CommandContext,
  error: unknown,
): Promise<void> {
  const load = async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>): Promise<S> =>
    (await loadAggregate(runtime.store, decider, stream, runtime.cache, false, runtime.upcasters)).state as S;
  for (const { step, events } of [...done].reverse()) {
    if (!step.compensate) continue;
    const command = await step.compensate(events, { error, load });
    if (command === null) continue;
    for (let attempt = 0; ; attempt++) {
      const entry = await loadAggregate(
        runtime.store,
        step.decider,
        step.stream,
        runtime.cache,
        false,
        runtime.upcasters,
      );
      const undo = step.decider.decide(command as never, entry.state);
      if (undo.length === 0) break;
      try {
        const undoEvents = toNewEvents(undo, context, runtime.ids);
        await appendInTurn(runtime.turns, [step.stream], () =>
          runtime.store.append(step.stream, undoEvents, entry.revision ?? 'no_stream'),
        );
        runtime.cache.delete(step.stream);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= 20) throw error;
      }
    }
  }
}
