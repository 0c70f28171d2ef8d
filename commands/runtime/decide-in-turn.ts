import type { Decider, DomainEvent } from '../../domain/decider.ts';

/**
 * Decides commands on one stream in turn, each on the state the previous one left, and folds their
 * events in: what a command would append and the state it would leave. Throws a command's domain
 * error (a refusal) as the decider does. Shared by every runner (single stream, steps, group commit,
 * compensation) so that "decide, then evolve" is written once.
 */
export function decideInTurn<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  commands: readonly Command[],
  state: State,
): { events: Event[]; state: State } {
  const events: Event[] = [];
  for (const command of commands) {
    const decided = decider.decide(command, state);
    state = decided.reduce((current, event) => decider.evolve(current, event), state);
    events.push(...decided);
  }
  return { events, state };
}
