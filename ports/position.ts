/**
 * A place in the global log. Backends order events by (commit, prepare):
 * - PostgreSQL/PGlite: commit = the appending transaction's id (`pg_current_xact_id()`), prepare = the row's sequence number;
 * - EventStoreDB: its own commit and prepare positions in `$all`.
 * Ordering by the pair, not by a plain sequence, is what keeps readers from skipping events that committed out of order.
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export function comparePositions(a: Position, b: Position): -1 | 0 | 1 {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** Opaque text form (`"<commit>:<prepare>"`) used as the consistency token in HTTP answers and checkpoints. */
export function positionToToken(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

const TOKEN = /^(\d{1,20}):(\d{1,20})$/;

/** Parses a token from `positionToToken`; returns `null` for anything else so callers can answer 400. */
export function parsePositionToken(token: string): Position | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
