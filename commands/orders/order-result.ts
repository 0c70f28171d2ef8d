import type { DomainEvent } from '../../domain/decider.ts';
import type { Position } from '../../ports/event-store.ts';
import type { StepsOutcome } from '../runtime/steps.ts';

/** What an order command answers: the order's new revision (its ETag) and the consistency token. */
export interface OrderResult {
  events: DomainEvent[];
  revision: number | null;
  position: Position | null;
}

export function orderResult(outcome: StepsOutcome, stream: string): OrderResult {
  return {
    events: outcome.events.get(stream) ?? [],
    revision: outcome.revisions.get(stream) ?? null,
    position: outcome.position,
  };
}
