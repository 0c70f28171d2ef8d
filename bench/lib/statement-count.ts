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
  return sumTotals(
    files.flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(dir, name), 'utf8')) as StatementTotals];
      } catch {
        return []; // caught mid-write: its next write is half a second away, and this is a diagnosis
      }
    }),
  );
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
