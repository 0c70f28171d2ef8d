import {
  AccessDeniedError,
  DeadlineExceededError,
  UnavailableError,
  UnknownError,
  UnsupportedError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { readProbeError } from './multi-stream-support.ts';

const grpcError = (code: number, message: string) => Object.assign(new Error(message), { code });

describe('readProbeError', () => {
  it('is unsupported when the client finds no append session among the server features', () => {
    expect(readProbeError(new UnsupportedError('multiStreamAppend', '25.1'))).toBe('unsupported');
  });

  it('is unsupported when the server does not implement the call', () => {
    expect(readProbeError(grpcError(12, '12 UNIMPLEMENTED: unknown service'))).toBe('unsupported');
  });

  it('is supported when the server itself refuses the empty session', () => {
    // INVALID_ARGUMENT without details: the client wraps it as an UnknownError keeping the code.
    expect(readProbeError(Object.assign(new UnknownError(), { code: 3 }))).toBe('supported');
    expect(readProbeError(grpcError(9, '9 FAILED_PRECONDITION: no append requests'))).toBe('supported');
  });

  it('is inconclusive when the server was not reached or refused the caller', () => {
    expect(readProbeError(grpcError(14, '14 UNAVAILABLE: No connection established'))).toBe('inconclusive');
    expect(readProbeError(grpcError(4, '4 DEADLINE_EXCEEDED'))).toBe('inconclusive');
    expect(readProbeError(grpcError(16, '16 UNAUTHENTICATED'))).toBe('inconclusive');
    expect(readProbeError(new UnavailableError())).toBe('inconclusive');
    expect(readProbeError(new DeadlineExceededError())).toBe('inconclusive');
    expect(readProbeError(new AccessDeniedError())).toBe('inconclusive');
  });
});
