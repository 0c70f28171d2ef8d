import type { HeldLease, Lease } from '../../ports/lease.ts';

/**
 * A lease always granted at once, for a process that is the only one of its deployment: embedded
 * mode (PGlite belongs to one process) and tests. With several processes, wire a shared lease.
 */
export const soleInstanceLease: Lease = {
  async acquire(signal) {
    if (signal.aborted) return null;
    const lost = new AbortController();
    const held: HeldLease = {
      lost: lost.signal,
      async release() {
        lost.abort(new Error('released'));
      },
    };
    return held;
  },
};
