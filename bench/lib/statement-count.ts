import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sumTotals, type StatementTotals } from '../../infra/sql/statement-tally.ts';

/** What a served setup sent to SQL per order answered, and the statements that made most of it. */
export interface StatementsPerOrder {
  statements: number;
  roundTrips: number;
  transactions: number;
  /** The most frequent statements (their opening words), per order. */
  top: Record<string, number>;
}

/**
 * The totals every process of a setup wrote into `dir` (`QM_SQL_TALLY_DIR`, see
 * infra/sql/statement-tally.ts), after waiting out one write interval so that they are current.
 */
export async function statementsNow(dir: string): Promise<StatementTotals> {
  await sleep(600);
  const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  return sumTotals(await Promise.all(files.map((name) => readTotals(join(dir, name)))));
}

/**
 * One process's totals. A file caught mid-write is read again a moment later: skipped, its
 * process's whole count would drop out of the sum, and a step's figure could come out negative.
 */
async function readTotals(file: string): Promise<StatementTotals> {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as StatementTotals;
    } catch (error) {
      if (attempt >= 10) throw error;
      await sleep(20);
    }
  }
}

export function statementsPerOrder(
  before: StatementTotals,
  after: StatementTotals,
  orders: number,
): StatementsPerOrder {
  const per = (value: number) => Math.round((value / Math.max(orders, 1)) * 100) / 100;
  const top = Object.entries(after.byText)
    .map(([text, count]) => [text, count - (before.byText[text] ?? 0)] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([text, count]) => [text, per(count)] as const);
  return {
    statements: per(after.statements - before.statements),
    roundTrips: per(after.roundTrips - before.roundTrips),
    transactions: per(after.transactions - before.transactions),
    top: Object.fromEntries(top),
  };
}

/** `bench/results/http-statements.json`: kept apart from http.json, whose keys the issue fixes. */
export function writeStatementResult(setups: Record<string, StatementsPerOrder>): void {
  if (Object.keys(setups).length === 0) return;
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'http-statements.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), perOrder: setups }, null, 2)}\n`);
  console.log(`SQL statements per order written to ${file}`);
}
