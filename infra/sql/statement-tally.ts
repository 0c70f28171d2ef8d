import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A diagnosis, off unless `QM_SQL_TALLY_DIR` names a folder: counts what this process sends to its
 * SQL database (statements by their opening words, client round trips, transactions) and writes
 * the running totals to `<dir>/<pid>.json` twice a second and at exit. `npm run bench -- http`
 * turns it on to report statements per order, a figure that, unlike a rate, does not move with
 * the machine's load. Off, every call is one comparison.
 */
export interface StatementTotals {
  statements: number;
  roundTrips: number;
  transactions: number;
  /** Statements by their first words (parameters never appear: they are `$n` or cut off). */
  byText: Record<string, number>;
}

const dir = process.env.QM_SQL_TALLY_DIR;
const totals: StatementTotals = { statements: 0, roundTrips: 0, transactions: 0, byText: {} };

export const tallying = dir !== undefined && dir !== '';

/**
 * Each statement text's key, worked out once: the same few texts come back thousands of times a
 * second, and three regular expressions over each took about 1.5% of the API process's CPU in the
 * checkout bench. Texts with literals written in never come back and fill the map; once full it
 * starts again, so the texts that do come back (quoted literals in a fixed text too, such as the
 * idempotency answers' `set_config('synchronous_commit', ...)`) are worked out once per filling.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 5_000;

/** Counts one statement (not a round trip: a script of several is counted per statement). */
export function tallyStatement(text: string): void {
  if (!tallying) return;
  totals.statements++;
  let key = keys.get(text);
  if (key === undefined) {
    key = text
      .replace(/'(?:[^']|'')*'/g, '?') // literals written in by `inlineParameters`
      .replace(/\b\d+\b/g, '?')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 90);
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(text, key);
  }
  totals.byText[key] = (totals.byText[key] ?? 0) + 1;
}

/** Counts one message to the server that waits for its answer. */
export function tallyRoundTrip(): void {
  if (tallying) totals.roundTrips++;
}

export function tallyTransaction(): void {
  if (tallying) totals.transactions++;
}

if (dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}.json`);
  const write = () => writeFileSync(file, JSON.stringify(totals));
  setInterval(write, 500).unref();
  process.on('exit', write);
}

/** Sums the totals of several processes (the bench reads their files before and after a run). */
export function sumTotals(files: readonly StatementTotals[]): StatementTotals {
  const sum: StatementTotals = { statements: 0, roundTrips: 0, transactions: 0, byText: {} };
  for (const file of files) {
    sum.statements += file.statements;
    sum.roundTrips += file.roundTrips;
    sum.transactions += file.transactions;
    for (const [key, count] of Object.entries(file.byText)) sum.byText[key] = (sum.byText[key] ?? 0) + count;
  }
  return sum;
}
