import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnsupportedError,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';

/** gRPC status codes (from the gRPC spec; @grpc/grpc-js is not a dependency of ours). */
const GRPC = {
  CANCELLED: 1,
  DEADLINE_EXCEEDED: 4,
  PERMISSION_DENIED: 7,
  UNIMPLEMENTED: 12,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};
const UNREACHABLE_CODES = new Set([
  GRPC.CANCELLED,
  GRPC.DEADLINE_EXCEEDED,
  GRPC.PERMISSION_DENIED,
  GRPC.UNAVAILABLE,
  GRPC.UNAUTHENTICATED,
]);
const UNREACHABLE_ERRORS = [
  UnavailableError,
  DeadlineExceededError,
  TimeoutError,
  CancelledError,
  AccessDeniedError,
  NotLeaderError,
];

export type ProbeAnswer = 'supported' | 'unsupported' | 'inconclusive';

/**
 * Reads the error of an empty `multiStreamAppend` probe. The client itself throws `UnsupportedError`
 * when the server does not list the v2 append session among its features (before 25.1); it sends
 * the session only to a server that lists it, which then refuses it for being empty ("no append
 * requests"). A connection, deadline or auth failure answers nothing about the feature.
 */
export function readProbeError(error: unknown): ProbeAnswer {
  if (error instanceof UnsupportedError) return 'unsupported';
  if (UNREACHABLE_ERRORS.some((type) => error instanceof type)) return 'inconclusive';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === GRPC.UNIMPLEMENTED) return 'unsupported';
  if (typeof code === 'number' && UNREACHABLE_CODES.has(code)) return 'inconclusive';
  return 'supported';
}

/**
 * Whether the server commits several streams in one atomic append (KurrentDB 25.1+), asked once
 * with an empty append session: it writes nothing, and the client only sends it when the server
 * lists the feature. Throws when the server cannot be reached, so a bad URL fails at startup.
 */
export async function supportsMultiStreamAppend(client: KurrentDBClient): Promise<boolean> {
  try {
    await client.multiStreamAppend([]);
    return true;
  } catch (error) {
    const answer = readProbeError(error);
    if (answer === 'inconclusive') throw error;
    return answer === 'supported';
  }
}
