/**
 * The vocabulary of a command that spans several streams: its steps, the plan that builds them and
 * what appending them reached. Kept apart from the code that runs steps (multi-stream.ts,
 * group-commit.ts) so that the runtime's types can name them without importing that code.
 */
import type { Decider, DomainEvent } from '../../domain/decider.ts';
import type { Position } from '../../ports/event-store.ts';

/** One stream's part of a command that spans several: which decider, which command. */
export interface Step {
  stream: string;
  decider: Decider<never, DomainEvent, unknown>;
  command: unknown;
  /**
   * Undoes this step's events when a later step fails on a backend without atomic multi-stream
   * appends: returns the undoing command, or `null` to keep the events (the failure does not undo
   * them, or what the store now holds relies on them). `failure.load` reads a stream's state from
   * the store. Steps without it must come last (or never be refused).
   */
  compensate?: (events: DomainEvent[], failure: CompensationContext) => unknown;
  /**
   * The stream is expected not to exist yet (a new order's): unless the cache knows it, it is
   * decided on the initial state without a read and appended expecting no stream. Should it exist
   * after all, that append conflicts and the command is decided again on what the store holds.
   * Only for a stream the step appends to: a stream that is only read has no such check.
   */
  expectNew?: boolean;
}

/** Why a step is being undone, and a way to look at what the store holds now. */
export interface CompensationContext {
  error: unknown;
  load: <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) => Promise<S>;
}

export interface StepsOutcome {
  events: Map<string, DomainEvent[]>;
  revisions: Map<string, number>;
  position: Position | null;
}

/**
 * Builds a command's steps from loaded state (and may refuse, e.g. a shortage). `load` gives a
 * stream's current state; it may run again after a lost race, with fresh state.
 */
export type StepPlan = (
  load: <S>(stream: string, decider: Decider<never, DomainEvent, unknown>) => Promise<S>,
) => Promise<Step[]>;

/** A decider typed loosely enough to hold any aggregate's, since one command may span several. */
export const asStepDecider = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) =>
  decider as unknown as Decider<never, DomainEvent, unknown>;
