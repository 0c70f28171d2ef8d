import type { JsonObject } from './json.ts';

/** An event as the domain sees it; id, metadata, stream and position are added outside `domain/`. */
export type DomainEvent = { type: string; data: JsonObject };

/**
 * Emmett-style decider. `decide` returns the events a command causes or throws a `DomainError`
 * (a refused command appends nothing); `evolve` never refuses, because an event is history.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function replay<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  from: State = decider.initialState(),
): State {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}
