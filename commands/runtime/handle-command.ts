import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { Position } from '../../ports/event-store.ts';
import type { CommandContext } from './command-context.ts';
import type { CommandRuntime } from './command-runtime.ts';
import { loadAggregate } from './load-aggregate.ts';
import { decideInTurn } from './decide-in-turn.ts';
import { retryOnConflict } from './retry-on-conflict.ts';
import { toNewEvents } from './to-new-events.ts';
import { earlierRun } from './request-events.ts';
import { appendInTurn } from './stream-turns.ts';

export interface CommandOutcome<State> {
  events: DomainEvent[];
  state: State;
  /** The stream's revision after the command (its ETag); `null` if it still has no events. */
  revision: number | null;
  /** Global position reached: the consistency token for reads; `null` when nothing was appended. */
  position: Position | null;
}

export interface HandleOptions {
  /**
   * The revision the caller saw (an admin's If-Match). The command is then decided only on that
   * state and never retried: a newer stream is a conflict the person must look at.
   */
  expectedRevision?: number;
}

/**
 * Load, decide, append at the loaded revision; on losing a race, reload and decide again (the
 * decision may now differ: the last unit may be gone). A refused command throws its domain error
 * and appends nothing, but only once it was refused on what the store holds (the attempt loop is
 * `retryOnConflict`, shared with multi-stream commands).
 * Pass several commands to decide them in turn and append their events at once. A request resumed
 * after its first run died answers what that run appended, if it did.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  runtime: CommandRuntime,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command | readonly Command[],
  context: CommandContext,
  options: HandleOptions = {},
): Promise<CommandOutcome<State>> {
  const commands = Array.isArray(command) ? (command as readonly Command[]) : [command as Command];
  const pinned = options.expectedRevision !== undefined;
  const earlier = await earlierRun(runtime.store, stream, context);
  if (earlier) {
    const { state } = await loadAggregate(
      runtime.store,
      decider as Decider<unknown, Event, State>,
      stream,
      runtime.cache,
      false,
      runtime.upcasters,
    );
    return { ...earlier, state };
  }
  // A pinned command reads the store from its first attempt, so it starts as a retry would.
  return retryOnConflict(
    runtime,
    async (attempt) => {
      const loaded = await loadAggregate(
        runtime.store,
        decider as Decider<unknown, Event, State>,
        stream,
        runtime.cache,
        attempt === 0,
        runtime.upcasters,
      );
      if (pinned && loaded.revision !== options.expectedRevision) {
        throw new WrongExpectedRevision(stream, options.expectedRevision!, loaded.revision);
      }
      // Several commands are decided in turn, each on the state the previous one left, and appended together.
      const { events, state } = decideInTurn(decider, commands, loaded.state);
      if (events.length === 0) return { events, state, revision: loaded.revision, position: null };
      const newEvents = toNewEvents(events, context, runtime.ids);
      const result = await appendInTurn(runtime.turns, [stream], () =>
        runtime.store.append(stream, newEvents, loaded.revision ?? 'no_stream'),
      );
      runtime.cache.set(stream, { state, revision: result.nextRevision });
      return { events, state, revision: result.nextRevision, position: result.position };
    },
    { ...(pinned ? { pinned: stream } : {}), fresh: pinned },
  );
}
