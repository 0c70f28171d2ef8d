import type { StatementTotals } from '../../infra/sql/statement-tally.ts';
import { backendCpuBetween } from './process-cpu.ts';
import { statementsNow } from './statement-count.ts';

/** CPU seconds so far of the processes a phase is charged for; see `cpuNow` (suites/checkout.ts). */
export interface CpuSample {
  api: number;
  worker: number;
  /** Per backend of the database (`postgresBackendCpu`), listed at this sample. */
  postgres: Map<number, number>;
}

/** CPU ms of a phase: the API process, `qm work`, the database's PostgreSQL backends. */
export type CpuFigures = { api: number; worker: number; postgres: number };

/** What the slices of one phase ran, and what they cost together. */
export interface Phase<Result> {
  results: Result[];
  /** CPU ms over all its slices. */
  cpuMs: CpuFigures;
  /** SQL sent over all its slices (the differences of the tally, summed). */
  sql: StatementTotals;
}

/** Tally totals of nothing sent yet. */
export const noStatements = (): StatementTotals => ({
  statements: 0,
  roundTrips: 0,
  transactions: 0,
  byText: {},
});

export const emptyPhase = <Result>(): Phase<Result> => ({
  results: [],
  cpuMs: { api: 0, worker: 0, postgres: 0 },
  sql: noStatements(),
});

/**
 * Runs one slice of a phase and adds it to the phase: `settle` first (the projections of the slice
 * before are not this one's cost), then the load, with the CPU and SQL spent around it.
 *
 * Why slices: on this shared two-core machine the CPU a unit of work costs drifted by a fifth or
 * more within a minute, so phases run one after the other compared the machine's moments as much
 * as the code. Alternating short slices of each phase gives every phase the same moments.
 */
export async function runSlice<Result>(
  phase: Phase<Result>,
  options: {
    settle: () => Promise<void>;
    cpu: () => CpuSample;
    tallyDir: string;
    run: () => Promise<Result>;
  },
): Promise<void> {
  await options.settle();
  const sqlBefore = await statementsNow(options.tallyDir);
  const cpuBefore = options.cpu();
  phase.results.push(await options.run());
  const cpuAfter = options.cpu();
  const sqlAfter = await statementsNow(options.tallyDir);
  const spent = cpuMsBetween(cpuBefore, cpuAfter);
  phase.cpuMs.api += spent.api;
  phase.cpuMs.worker += spent.worker;
  phase.cpuMs.postgres += spent.postgres;
  addSqlBetween(phase.sql, sqlBefore, sqlAfter);
}

/** CPU ms between two samples; PostgreSQL's over the backends listed at either (`backendCpuBetween`). */
export function cpuMsBetween(before: CpuSample, after: CpuSample): CpuFigures {
  return {
    api: (after.api - before.api) * 1000,
    worker: (after.worker - before.worker) * 1000,
    postgres: backendCpuBetween(before.postgres, after.postgres) * 1000,
  };
}

/** CPU ms per item, to a tenth. */
export function cpuPerItem(total: CpuFigures, count: number): CpuFigures {
  const per = (ms: number) => Math.round((ms * 10) / Math.max(1, count)) / 10;
  return { api: per(total.api), worker: per(total.worker), postgres: per(total.postgres) };
}

function addSqlBetween(sum: StatementTotals, before: StatementTotals, after: StatementTotals): void {
  sum.statements += after.statements - before.statements;
  sum.roundTrips += after.roundTrips - before.roundTrips;
  sum.transactions += after.transactions - before.transactions;
  for (const [text, count] of Object.entries(after.byText)) {
    const added = count - (before.byText[text] ?? 0);
    if (added > 0) sum.byText[text] = (sum.byText[text] ?? 0) + added;
  }
}
