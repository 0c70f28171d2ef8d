import type { ExpectedRevision } from './event-store.ts';

/** Base of every error the event store throws on purpose; anything else is a bug or an outage. */
export class EventStoreError extends Error {
  override name = 'EventStoreError';
}

/** The stream was not where the caller expected: reload, decide again, retry. */
export class WrongExpectedRevision extends EventStoreError {
  override name = 'WrongExpectedRevision';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, `null` when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `Stream ${stream} is at revision ${actual ?? 'none'}, expected ${String(expected)}: reload the stream and decide again.`,
    );
  }
}

/** The append itself is malformed; nothing was written. `field` names what to fix (`events[0].type`). */
export class InvalidAppend extends EventStoreError {
  override name = 'InvalidAppend';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`Invalid append: ${field} ${reason}`);
  }
}

/** Some but not all of the event ids were stored before: a retry that changed its batch. */
export class EventIdReused extends EventStoreError {
  override name = 'EventIdReused';
  constructor(
    readonly stream: string,
    readonly eventIds: string[],
  ) {
    super(
      `Event ids ${eventIds.join(', ')} were already stored with a different batch for ${stream}: give new events new ids.`,
    );
  }
}

/** The backend cannot commit several streams atomically; use a process manager that compensates. */
export class MultiStreamAppendUnsupported extends EventStoreError {
  override name = 'MultiStreamAppendUnsupported';
  constructor(backend: string) {
    super(
      `The ${backend} event store cannot append to several streams atomically: check capabilities first.`,
    );
  }
}
