import type { DomainEvent } from '../../domain/decider.ts';
import type { NewEvent } from '../../ports/event-store.ts';
import type { IdGenerator } from '../../ports/ids.ts';
import { metadataFor, type CommandContext } from './command-context.ts';

/** Gives decided domain events their ids and the audit metadata of the command that caused them. */
export function toNewEvents(
  events: readonly DomainEvent[],
  context: CommandContext,
  ids: IdGenerator,
): NewEvent[] {
  const metadata = metadataFor(context);
  return events.map((event) => ({ id: ids.newId(), type: event.type, data: event.data, metadata }));
}
