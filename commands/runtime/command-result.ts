import type { DomainEvent } from '../../domain/decider.ts';
import type { Position } from '../../ports/event-store.ts';
import type { CommandOutcome } from './handle-command.ts';

/** What every command answers: its events, the stream's new revision (ETag), the consistency token. */
export interface CommandResult {
  events: DomainEvent[];
  revision: number | null;
  position: Position | null;
}

export const toResult = (outcome: CommandOutcome<unknown>): CommandResult => ({
  events: outcome.events,
  revision: outcome.revision,
  position: outcome.position,
});

/** An admin's If-Match, when given, pins the command to that revision. */
export const pinnedTo = (ifMatch: number | undefined) =>
  ifMatch === undefined ? {} : { expectedRevision: ifMatch };
