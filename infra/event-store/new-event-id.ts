import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes for the ids, taken 16 at a time from a pool refilled 4 KiB at once. uuid's own
 * source asks Web Crypto for every id, which cost the in-process orders benchmark 4% of its CPU
 * (several ids per order: the order, its events, the reservations'). The bytes are the same
 * cryptographically strong ones, drawn in bulk.
 */
const POOL_BYTES = 4096;
const pool = new Uint8Array(POOL_BYTES);
let offset = POOL_BYTES;

function pooledRandom16(): Uint8Array {
  if (offset + 16 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  // A copy: uuid keeps nothing, but a view of the pool would change under a caller that did.
  const bytes = pool.slice(offset, offset + 16);
  offset += 16;
  return bytes;
}

/**
 * The millisecond and counter of the last id, kept as uuid keeps them when it draws its own bytes
 * (RFC 9562, method 1): ids made in one millisecond still sort in the order they were made.
 */
let lastMsecs = -Infinity;
let seq = 0;

/** A UUIDv7: unique, and sortable by creation time, so ids read in the order they were made. */
export function newEventId(): string {
  const random = pooledRandom16();
  const now = Date.now();
  if (now > lastMsecs) {
    // A fresh counter from the random bytes each millisecond, as uuid does (31 bits, room to count).
    seq = ((random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]!) & 0x7fffffff;
    lastMsecs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs++;
  }
  return uuidv7({ random, msecs: lastMsecs, seq });
}
