import type { AppendResult, NewEvent, Position, StreamAppend } from '../../../ports/event-store.ts';
import { EventIdReused, WrongExpectedRevision } from '../../../ports/event-store-errors.ts';

/** An event already in the stream, where a retried batch would be. */
export interface StoredEvent {
  id: string;
  revision: number;
  position: Position;
}

/** What the stream holds of a batch the server refused. */
export type StoredOutcome =
  { kind: 'all'; result: AppendResult } | { kind: 'some'; ids: string[] } | { kind: 'none' };

export function compareWithStored(batch: readonly NewEvent[], stored: readonly StoredEvent[]): StoredOutcome {
  const byId = new Map(stored.map((event) => [event.id.toLowerCase(), event]));
  const found = batch.flatMap((event) => byId.get(event.id.toLowerCase()) ?? []);
  if (found.length === 0) return { kind: 'none' };
  if (found.length < batch.length) return { kind: 'some', ids: found.map((event) => event.id) };
  const last = found.reduce((a, b) => (b.revision > a.revision ? b : a));
  return { kind: 'all', result: { nextRevision: last.revision, position: last.position } };
}

/**
 * Turns a refused append into the contract's answer, given what each stream already holds of its
 * batch: every event stored means this was a retry, answered with the stored outcome (idempotent by
 * event id); some stored means the retry changed its batch (`EventIdReused`); none means a real
 * conflict (`WrongExpectedRevision` on the stream the server named).
 */
export function settleRefusedAppend(
  appends: readonly StreamAppend[],
  outcomes: readonly StoredOutcome[],
  failed: StreamAppend,
  actual: number | null,
): AppendResult[] {
  const results = outcomes.flatMap((outcome) => (outcome.kind === 'all' ? [outcome.result] : []));
  if (results.length === appends.length) return results;
  for (const [index, outcome] of outcomes.entries()) {
    const append = appends[index]!;
    if (outcome.kind === 'some') throw new EventIdReused(append.stream, outcome.ids);
    if (outcome.kind === 'all')
      throw new EventIdReused(
        append.stream,
        append.events.map((event) => event.id),
      );
  }
  // With `any` the server checks nothing but idempotency, and refuses only a batch whose first
  // event is already stored while a later one is not: reused ids, though too far back to find here.
  if (failed.expected === 'any') throw new EventIdReused(failed.stream, [failed.events[0]!.id]);
  throw new WrongExpectedRevision(failed.stream, failed.expected, actual);
}
