import type { Decider, DomainEvent } from '../../domain/decider.ts';
import { WrongExpectedRevision } from '../../ports/event-store-errors.ts';
import type { NewEvent, Position, StreamAppend } from '../../ports/event-store.ts';
import { comparePositions } from '../../ports/position.ts';
import { assumedNew } from './assumed-new.ts';
import { decideInTurn } from './decide-in-turn.ts';
import type { CommandRuntime, GroupCommit, GroupMember } from './command-runtime.ts';
import { createKeyedBatches, type Settled } from './keyed-batches.ts';
import { loadAggregate } from './load-aggregate.ts';
import { decideAndAppendSteps } from './multi-stream.ts';
import type { Step, StepsOutcome } from './steps.ts';
import { refusedOnCache } from './refused-on-cache.ts';
import { afterLostRace } from './state-cache.ts';
import { appendInTurn, inTurn } from './stream-turns.ts';
import { toNewEvents } from './to-new-events.ts';

/**
 * One group commit per runtime (it holds the queues of one process's commands).
 * `pipelined` (default): the next group on the same keys is decided while this group's append is in
 * flight, on the states that append will leave, and is appended only once it has succeeded (see
 * `InFlightStates`); `false` decides each group only after the previous one has landed.
 */
export function createGroupCommit(options: { maxGroup?: number; pipelined?: boolean } = {}): GroupCommit {
  const inFlight: InFlightStates = new Map();
  const batches = createKeyedBatches<{ runtime: CommandRuntime; member: GroupMember }, StepsOutcome>(
    (items, controls) =>
      decideAndAppendTogether(
        items[0]!.runtime,
        items.map((item) => item.member),
        options.pipelined === false
          ? undefined
          : {
              inFlight,
              release: () => controls.release(),
              take: () => controls.take().map((item) => item.member),
              arrival: () => controls.arrival(),
            },
      ),
    options.maxGroup === undefined ? {} : { maxBatch: options.maxGroup },
  );
  return { run: (runtime, keys, member) => batches.submit(keys, { runtime, member }) };
}

/**
 * Per stream, the state an in-flight group's append leaves if it succeeds, at the revision it then
 * reaches, and whether it did. The next group decides on it instead of the (committed) state cache.
 *
 * Why this never oversells: a group that decided on such a state appends only after `committed`
 * said yes, expecting exactly that revision; the stream then holds exactly that state unless
 * someone else appended since, and then the compare-and-set refuses the append and the group
 * decides again. If the in-flight append failed, the group never sends its own (another writer
 * could have brought the stream to the same revision with other events): it decides again on
 * fresh state.
 */
export type InFlightStates = Map<string, InFlightState>;

interface InFlightState {
  state: unknown;
  revision: number;
  committed: Promise<boolean>;
}

/** How a group takes part in the pipeline of its `GroupCommit` (see `BatchControls`). */
export interface Pipeline {
  inFlight: InFlightStates;
  /** Lets the next group on these keys start deciding (called just before this group's append). */
  release: () => void;
  /** Members queued since that may join this group (answered after the others, in this order). */
  take: () => GroupMember[];
  /** Resolves once another command has been queued. */
  arrival: () => Promise<void>;
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
 * that one member's fault never fails the others. With a `pipeline`, the first attempt decides on
 * the states of the group in flight before it (see `InFlightStates`) and, until that one has landed,
 * takes in members queued meanwhile; they are answered after the given ones, in the order taken.
 */
export async function decideAndAppendTogether(
  runtime: CommandRuntime,
  members: readonly GroupMember[],
  pipeline?: Pipeline,
): Promise<Settled<StepsOutcome>[]> {
  if (members.length === 1 && !pipeline)
    return [await settle(decideAndAppendSteps(runtime, members[0]!.plan, members[0]!.context))];
  const all = [...members];
  /** The streams the last attempt decided on: a retry reads them all at once before deciding. */
  let touched: ReadonlyMap<string, StreamEntry> = new Map();
  /** The stream the last attempt lost its race on: with several writer processes, the retry holds its lock. */
  let lostOn: string | undefined;
  /** Every stream a race was lost on: a retry holds their turns in this process (see stream-turns.ts). */
  const lost = new Set<string>();
  const attemptGroup = async (attempt: number): Promise<Settled<StepsOutcome>[] | typeof AGAIN> => {
    const held =
      attempt > 0 && lostOn && runtime.decisionLock ? await runtime.decisionLock.acquire(lostOn) : undefined;
    try {
      // Only a first attempt builds on a group in flight; a retry reads what the store holds.
      const ahead = attempt === 0 ? pipeline?.inFlight : undefined;
      const streams = new Map<string, StreamEntry>();
      if (attempt > 0) {
        // A lost race means another writer (another process, when several serve) appended to one of
        // these streams. Read them all in parallel rather than one by one as the members ask: the
        // window in which a writer elsewhere can win again shrinks from a round trip per stream to one.
        const loaded = await Promise.all(
          [...touched].map(async ([stream, { decider }]) => {
            const fresh = await loadAggregate(
              runtime.store,
              decider,
              stream,
              runtime.cache,
              false,
              runtime.upcasters,
            );
            const entry: StreamEntry = { decider, ...fresh, events: [] };
            return [stream, entry] as const;
          }),
        );
        for (const [stream, entry] of loaded) streams.set(stream, entry);
      }
      touched = streams;
      /** The in-flight appends this group's decisions build on, with whether each landed (null: not yet). */
      const awaited = new Map<Promise<boolean>, boolean | null>();
      const settled: Settled<StepsOutcome>[] = [];
      const accepted: Accepted[] = [];

      const entry = async (
        stream: string,
        decider: Decider<never, DomainEvent, unknown>,
        step?: Pick<Step, 'stream' | 'decider' | 'expectNew'>,
      ) => {
        let found = streams.get(stream);
        if (!found) {
          const speculative = ahead?.get(stream);
          const fresh = step ? assumedNew(runtime, step, attempt) : null;
          if (speculative) {
            const { committed } = speculative;
            if (!awaited.has(committed)) {
              awaited.set(committed, null);
              void committed.then((ok) => awaited.set(committed, ok));
            }
            found = { decider, state: speculative.state, revision: speculative.revision, events: [] };
          } else if (fresh) {
            found = { decider, ...fresh, events: [] };
          } else {
            const loaded = await loadAggregate(
              runtime.store,
              decider,
              stream,
              runtime.cache,
              attempt === 0,
              runtime.upcasters,
            );
            found = streams.get(stream) ?? { decider, ...loaded, events: [] };
          }
          streams.set(stream, found);
        }
        return found;
      };

      const decideMember = async (member: GroupMember, index: number) => {
        // This member's states, on top of the group's: dropped if the member is refused.
        const own = new Map<string, unknown>();
        const ownEvents = new Map<string, DomainEvent[]>();
        try {
          const steps = await member.plan(
            async <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) =>
              (own.has(stream) ? own.get(stream) : (await entry(stream, decider)).state) as S,
          );
          for (const step of steps) {
            const base = await entry(step.stream, step.decider, step);
            const state = own.has(step.stream) ? own.get(step.stream) : base.state;
            const decided = decideInTurn(step.decider, [step.command as never], state);
            const events = decided.events;
            own.set(step.stream, decided.state);
            if (events.length > 0)
              ownEvents.set(step.stream, [...(ownEvents.get(step.stream) ?? []), ...events]);
          }
        } catch (error) {
          settled[index] = { ok: false, error };
          return;
        }
        const upTo = new Map<string, number>();
        for (const [stream, state] of own) streams.get(stream)!.state = state;
        for (const [stream, events] of ownEvents) {
          const target = streams.get(stream)!;
          target.events.push(...toNewEvents(events, member.context, runtime.ids));
          upTo.set(stream, target.events.length);
        }
        accepted.push({ index, events: ownEvents, upTo });
      };

      for (const [index, member] of all.entries()) await decideMember(member, index);
      // While the group this one builds on is still appending, commands queued meanwhile join this
      // group rather than wait for the next: a hot key's clients then split into two groups (one
      // appending, one gathering), not three, and each append carries more orders.
      const aheadLanded = () => [...awaited.values()].every((ok) => ok !== null);
      while (pipeline && attempt === 0 && !aheadLanded()) {
        const joiners = pipeline.take();
        for (const member of joiners) {
          all.push(member);
          await decideMember(member, all.length - 1);
        }
        if (joiners.length === 0) await Promise.race([Promise.all(awaited.keys()), pipeline.arrival()]);
      }

      const appends: StreamAppend[] = [...streams]
        .filter(([, s]) => s.events.length > 0)
        .map(([stream, s]) => ({ stream, expected: s.revision ?? 'no_stream', events: s.events }));
      // Decided on a group in flight: that group's append must land first, else decide again.
      if (awaited.size > 0 && !(await Promise.all(awaited.keys())).every(Boolean)) return AGAIN;
      if (appends.length === 0) {
        pipeline?.release();
        for (const { index } of accepted) settled[index] = { ok: true, value: emptyOutcome() };
        return decideRefusedAgain(runtime, all, settled, attempt);
      }
      const landed = pipeline ? announce(pipeline.inFlight, appends, streams) : undefined;
      pipeline?.release();
      try {
        let results;
        try {
          // A command retrying on one of these streams holds its turn: this append waits for it.
          results = await appendInTurn(
            runtime.turns,
            appends.map((a) => a.stream),
            () => runtime.store.appendMulti(appends),
          );
        } catch (error) {
          landed?.settle(false);
          if (error instanceof WrongExpectedRevision) {
            afterLostRace(runtime.cache, error);
            lostOn = error.stream;
            lost.add(error.stream);
            if (attempt < runtime.maxRetries) return AGAIN;
          }
          return await Promise.all(
            all.map((member) => settle(decideAndAppendSteps(runtime, member.plan, member.context))),
          );
        }
        const reached = new Map<string, { revision: number; position: Position }>();
        appends.forEach((append, i) => {
          const result = results[i]!;
          const s = streams.get(append.stream)!;
          runtime.cache.set(append.stream, { state: s.state, revision: result.nextRevision });
          reached.set(append.stream, { revision: result.nextRevision, position: result.position });
        });
        landed?.settle(true);
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
        return await decideRefusedAgain(runtime, all, settled, attempt);
      } finally {
        // Whatever happened, the group deciding on ours must hear of it (a no-op once settled).
        landed?.settle(false);
      }
    } finally {
      await held?.release();
    }
  };
  for (let attempt = 0; ; attempt++) {
    const outcome = await inTurn(runtime.turns, [...lost], () => attemptGroup(attempt));
    if (outcome !== AGAIN) return outcome;
  }
}

/** An attempt's answer that the group is to be decided again. */
const AGAIN = Symbol('again');

/**
 * Publishes the states this group's append will leave, for the next group to decide on; `settle`
 * tells it whether the append landed (the cache holds the states by then) and withdraws them; only
 * the first call counts.
 */
function announce(
  inFlight: InFlightStates,
  appends: readonly StreamAppend[],
  streams: ReadonlyMap<string, StreamEntry>,
): { settle: (ok: boolean) => void } {
  let resolve!: (ok: boolean) => void;
  const committed = new Promise<boolean>((r) => (resolve = r));
  const mine = new Map<string, InFlightState>();
  for (const append of appends) {
    const s = streams.get(append.stream)!;
    const state: InFlightState = {
      state: s.state,
      revision: (s.revision ?? -1) + s.events.length,
      committed,
    };
    mine.set(append.stream, state);
    inFlight.set(append.stream, state);
  }
  let done = false;
  return {
    settle(ok) {
      if (done) return;
      done = true;
      // A later group may already have announced its own state on top of ours: leave that one.
      for (const [stream, state] of mine) if (inFlight.get(stream) === state) inFlight.delete(stream);
      resolve(ok);
    },
  };
}

/**
 * Members refused on a first attempt were decided on the state cache or on a group in flight: each
 * is decided once more, alone, on what the store holds now, so that no refusal rests on a cached
 * view the store has left behind (see `refusedOnCache`). This runs after the group's own append,
 * which the fresh decisions then see.
 */
async function decideRefusedAgain(
  runtime: CommandRuntime,
  members: readonly GroupMember[],
  settled: Settled<StepsOutcome>[],
  attempt: number,
): Promise<Settled<StepsOutcome>[]> {
  return Promise.all(
    settled.map(async (outcome, index) => {
      if (outcome.ok || !refusedOnCache(outcome.error, attempt)) return outcome;
      const { plan, context } = members[index]!;
      return settle(decideAndAppendSteps(runtime, plan, context, undefined, { fresh: true }));
    }),
  );
}

const emptyOutcome = (): StepsOutcome => ({ events: new Map(), revisions: new Map(), position: null });

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
