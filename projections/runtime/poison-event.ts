import type { RecordedEvent } from '../../ports/event-store.ts';
import { positionToToken } from '../../ports/position.ts';

/**
 * An event the projection cannot apply. The projector stops on it (status `failed`) with this
 * message, which names the event and says what an operator can do; nothing is skipped silently.
 */
export class PoisonEvent extends Error {
  override name = 'PoisonEvent';
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    const position = positionToToken(event.position);
    super(
      `projection ${projection} stopped on event ${event.id} (${event.type}, stream ${event.stream} ` +
        `revision ${event.revision}, position ${position}): ` +
        `${cause instanceof Error ? cause.message : String(cause)}. ` +
        `Fix the projection and restart it, or pass this one event with ` +
        `\`qm projection skip ${projection} ${position} --reason "..."\` (recorded in the audit log).`,
    );
  }
}

/** The event a projector stopped on, as its `PoisonEvent` message names it. */
export interface StoppedOn {
  eventId: string;
  type: string;
  stream: string;
  revision: number;
  /** Consistency token (`<commit>:<prepare>`): what `qm projection skip` and the skip route take. */
  position: string;
}

// The message above is what the registry keeps (`last_error`): read it back here, beside the code
// that writes it, so the two cannot drift apart.
const STOPPED_ON = /stopped on event (\S+) \((\S+), stream (.+?) revision (\d+), position (\d+:\d+)\)/;

/** The event named by a stopped projector's `lastError`, or `null` when it stopped for another reason. */
export function stoppedOnEvent(lastError: string | null): StoppedOn | null {
  const found = lastError ? STOPPED_ON.exec(lastError) : null;
  if (!found) return null;
  const [, eventId, type, stream, revision, position] = found;
  return { eventId: eventId!, type: type!, stream: stream!, revision: Number(revision), position: position! };
}

/**
 * Failures worth retrying as they are (connection lost, serialization, deadlock, a bus without a
 * leader: an error that says `transient: true`), not poison.
 */
export function isTransient(error: unknown): boolean {
  if ((error as { transient?: unknown } | null)?.transient === true) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P03' ||
    code === '40001' ||
    code === '40P01' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT'
  );
}
