import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { WrongExpectedRevision } from '../ports/event-store-errors.ts';
import type { NewEvent, Position, StreamAppend } from '../ports/event-store.ts';
import { comparePositions } from '../ports/position.ts';
import type { CommandContext } from './command-context.ts';
import type { CommandRuntime } from './handle-command.ts';
import { createKeyedBatches, type Settled } from './keyed-batches.ts';
import { loadAggregate } from './load-aggregate.ts';
import { decideAndAppendSteps, type StepPlan, type StepsOutcome } from './multi-stream.ts';
import { toNewEvents } from './to-new-events.ts';

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

/** One group commit per runtime (it holds the queues of one process's commands). */
export function createGroupCommit(options: { maxGroup?: number } = {}): GroupCommit {
  const batches = createKeyedBatches<{ runtime: CommandRuntime; member: GroupMember }, StepsOutcome>(
    (items) =>
      decideAndAppendTogether(
        items[0]!.runtime,
        items.map((item) => item.member),
      ),
    options.maxGroup === undefined ? {} : { maxBatch: options.maxGroup },
  );
  return { run: (runtime, keys, member) => batches.submit(keys, { runtime, member }) };
}

interface StreamEntry {
  decider: Decider<never, DomainEvent, unknown>;
  /** Revision the group's append expects (as loaded). */
  revision: number | null;
  /** State after the accepted members so far. */
  state: unknown;
  events: NewEvent[];
}

interface Accepted {
  index: number;
  events: Map<string, DomainEvent[]>;
  /** Per stream, how many of the group's events on it there are up to and including this member's. */
  upTo: Map<string, number>;
}

/**
 * Decides `members` in turn on shared in-memory state and appends every accepted one's events in
 * one atomic multi-stream append; on a lost race, decides the whole group again on fresh state.
 * Answers each member, in order. If the append fails otherwise, each member runs again alone, so
 * that one member's fault never fails the others.
 */
export async function decideAndAppendTogether(
  runtime: CommandRuntime,
  members: readonly GroupMember[],
): Promise<Settled<StepsOutcome>[]> {
  if (members.length === 1)
    return [await settle(decideAndAppendSteps(runtime, members[0]!.plan, members[0]!.context))];
  for (let attempt = 0; ; attempt++) {
    const streams = new Map<string, StreamEntry>();
    const settled: Settled<StepsOutcome>[] = [];
    const accepted: Accepted[] = [];

    const entry = async (stream: string, decider: Decider<never, DomainEvent, unknown>) => {
      let found = streams.get(stream);
      if (!found) {
        const loaded = await loadAggregate(
          runtime.store,
          decider,
          stream,
          runtime.cache,
          attempt === 0,
          runtime.upcasters,
        );
        found = streams.get(stream) ?? { decider, ...loaded, events: [] };
        streams.set(stream, found);
      }
      return found;
    };

    for (const [index, member] of members.entries()) {
      // This member's states, on top of the group's: dropped if the member is refused.
      const own = new Map<string, unknown>();
      const ownEvents = new Map<string, DomainEvent[]>();
      try {
        const steps = await member.plan(
          async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) =>
            (own.has(stream) ? own.get(stream) : (await entry(stream, decider)).state) as S,
        );
        for (const step of steps) {
          const base = await entry(step.stream, step.decider);
          const state = own.has(step.stream) ? own.get(step.stream) : base.state;
          const events = step.decider.decide(step.command as never, state);
          own.set(
            step.stream,
            events.reduce((current, event) => step.decider.evolve(current, event), state),
          );
          if (events.length > 0)
            ownEvents.set(step.stream, [...(ownEvents.get(step.stream) ?? []), ...events]);
        }
      } catch (error) {
        settled[index] = { ok: false, error };
        continue;
      }
      const upTo = new Map<string, number>();
      for (const [stream, state] of own) streams.get(stream)!.state = state;
      for (const [stream, events] of ownEvents) {
        const target = streams.get(stream)!;
        target.events.push(...toNewEvents(events, member.context, runtime.ids));
        upTo.set(stream, target.events.length);
      }
      accepted.push({ index, events: ownEvents, upTo });
    }

    const appends: StreamAppend[] = [...streams]
      .filter(([, s]) => s.events.length > 0)
      .map(([stream, s]) => ({ stream, expected: s.revision ?? 'no_stream', events: s.events }));
    if (appends.length === 0) {
      for (const { index } of accepted) settled[index] = { ok: true, value: emptyOutcome() };
      return settled;
    }
    let results;
    try {
      results = await runtime.store.appendMulti(appends);
    } catch (error) {
      if (error instanceof WrongExpectedRevision) {
        runtime.cache.delete(error.stream);
        if (attempt < runtime.maxRetries) continue;
      }
      return Promise.all(
        members.map((member) => settle(decideAndAppendSteps(runtime, member.plan, member.context))),
      );
    }
    const reached = new Map<string, { revision: number; position: Position }>();
    appends.forEach((append, i) => {
      const result = results[i]!;
      const s = streams.get(append.stream)!;
      runtime.cache.set(append.stream, { state: s.state, revision: result.nextRevision });
      reached.set(append.stream, { revision: result.nextRevision, position: result.position });
    });
    for (const member of accepted) {
      const outcome = emptyOutcome();
      for (const [stream, events] of member.events) {
        const total = streams.get(stream)!.events.length;
        const { revision, position } = reached.get(stream)!;
        outcome.events.set(stream, events);
        outcome.revisions.set(stream, revision - (total - member.upTo.get(stream)!));
        // One commit holds the group: any of its positions is visible exactly when all are.
        if (!outcome.position || comparePositions(position, outcome.position) > 0)
          outcome.position = position;
      }
      settled[member.index] = { ok: true, value: outcome };
    }
    return settled;
  }
}

const emptyOutcome = (): StepsOutcome => ({ events: new Map(), revisions: new Map(), position: null });

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
