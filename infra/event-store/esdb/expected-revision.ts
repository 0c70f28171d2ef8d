import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../../../ports/event-store.ts';

/** Our expectation in the client's terms: the constants map one to one, a revision becomes a bigint. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/**
 * The stream's actual revision from a `WrongExpectedVersionError`: `null` when it does not exist.
 * The client says "no_stream", or (from some server paths) a negative number, for the same thing.
 */
export function toActualRevision(actual: CurrentStreamState | undefined): number | null {
  return typeof actual === 'bigint' && actual >= 0n ? Number(actual) : null;
}

/**
 * Where this batch's first event landed if the batch was already appended with the same
 * expectation: right after the expected revision. Unknown for `any` and `stream_exists`.
 */
export function retryLandingRevision(expected: ExpectedRevision): number | null {
  if (expected === 'no_stream') return 0;
  if (typeof expected === 'number') return expected + 1;
  return null;
}
