/**
 * Builds realistic recorded events for projection tests by running the domain's own deciders:
 * each command is decided against its stream's current state, and the resulting events get ids,
 * metadata (actor, time, correlation), stream revisions and global positions, as the store would.
 */
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { ActorRole, RecordedEvent } from '../../ports/event-store.ts';

export type Actor = { id: string; role: ActorRole };

export interface EventLog {
  /** Every event recorded so far, in global order. */
  readonly events: RecordedEvent[];
  /** Decides `command` on `stream` with `decider`, records the events, and returns them. */
  decide<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    stream: string,
    command: Command,
    options?: { actor?: Actor; at?: string },
  ): RecordedEvent[];
  /** Records an event as given (for events no decider emits, e.g. a projection skip). */
  record(stream: string, event: DomainEvent, options?: { actor?: Actor; at?: string }): RecordedEvent;
  /** The decider state of a stream (undefined before its first event). */
  stateOf(stream: string): unknown;
  /** Sets the clock that stamps the following events. */
  at(iso: string): void;
  /** Moves the clock forward. */
  advance(ms: number): void;
}

export const admin: Actor = { id: 'admin-1', role: 'admin' };

/** A fresh log starting at `start`, each event one millisecond after the previous unless told. */
export function eventLog(start = '2026-01-05T09:00:00.000Z'): EventLog {
  const events: RecordedEvent[] = [];
  const streams = new Map<string, { revision: number; state: unknown }>();
  let clock = Date.parse(start);
  let seq = 0;

  function record(stream: string, event: DomainEvent, options: { actor?: Actor; at?: string } = {}) {
    const current = streams.get(stream);
    const revision = current === undefined ? 0 : current.revision + 1;
    streams.set(stream, { revision, state: current?.state });
    seq += 1;
    const occurredAt = options.at ?? new Date(clock).toISOString();
    clock += 1;
    const recorded: RecordedEvent = {
      id: `00000000-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`,
      type: event.type,
      data: event.data,
      metadata: {
        actor: options.actor ?? admin,
        correlationId: `corr-${seq}`,
        causationId: null,
        occurredAt,
        schemaVersion: 1,
      },
      stream,
      revision,
      position: { commit: BigInt(seq), prepare: BigInt(seq) },
      recordedAt: occurredAt,
    };
    events.push(recorded);
    return recorded;
  }

  return {
    events,
    decide(decider, stream, command, options) {
      const state = (streams.get(stream)?.state ?? decider.initialState()) as Parameters<
        typeof decider.evolve
      >[0];
      const decided = decider.decide(command, state);
      if (decided.length === 0) return [];
      const recorded = decided.map((event) => record(stream, event, options));
      const next = decided.reduce((s, event) => decider.evolve(s, event), state);
      streams.set(stream, { revision: streams.get(stream)!.revision, state: next });
      return recorded;
    },
    record,
    stateOf: (stream) => streams.get(stream)?.state,
    at: (iso) => void (clock = Date.parse(iso)),
    advance: (ms) => void (clock += ms),
  };
}
