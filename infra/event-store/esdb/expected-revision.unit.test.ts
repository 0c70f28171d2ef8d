import { describe, expect, it } from 'vitest';
import { retryLandingRevision, toActualRevision, toStreamState } from './expected-revision.ts';

describe('toStreamState', () => {
  it('maps the constants to the client constants and a revision to a bigint', () => {
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('stream_exists')).toBe('stream_exists');
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    expect(toStreamState(Number.MAX_SAFE_INTEGER)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });
});

describe('toActualRevision', () => {
  it('reads a revision as a number', () => {
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(12n)).toBe(12);
  });

  it('reads an absent stream, however the client says it, as null', () => {
    expect(toActualRevision('no_stream')).toBeNull();
    expect(toActualRevision(-1n)).toBeNull();
    expect(toActualRevision(undefined)).toBeNull();
  });
});

describe('retryLandingRevision', () => {
  it('is right after the expected revision, or 0 for a new stream', () => {
    expect(retryLandingRevision('no_stream')).toBe(0);
    expect(retryLandingRevision(0)).toBe(1);
    expect(retryLandingRevision(9)).toBe(10);
  });

  it('is unknown when the expectation does not pin a revision', () => {
    expect(retryLandingRevision('any')).toBeNull();
    expect(retryLandingRevision('stream_exists')).toBeNull();
  });
});
