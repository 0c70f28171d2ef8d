import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CLIENTS,
  LOCATIONS,
  SKUS,
  benchProduct,
  benchReceipts,
  openInProcessShop,
} from '../lib/bench-shop.ts';
import type { BenchBackend } from '../lib/bench-databases.ts';
import { lagPercentile, watchCheckpoints } from '../lib/checkpoint-watcher.ts';
import { probeHealth } from '../lib/health-prober.ts';
import {
  backendCpuBetween,
  cpuSeconds,
  machineBusySeconds,
  ownCpuSeconds,
  postgresBackendCpu,
} from '../lib/process-cpu.ts';
import { httpLoad } from '../lib/http-load.ts';
import { percentile, runLoad } from '../lib/load.ts';
import { orderHttpLoad, type OrderLoadResult } from '../lib/order-http-load.ts';
import { versus, writeResult, type Metric } from '../lib/results.ts';
import { post, startServedSystem, type ServedSystem } from '../lib/served-system.ts';
import { benchServerEnv } from '../lib/server-env.ts';
import {
  statementsNow,
  statementsPerOrder,
  writeStatementResult,
  type StatementsPerOrder,
} from '../lib/statement-count.ts';

/** What each figure is: the median of RUNS runs of `seconds` s, each after WARM_UP_SECONDS of the same load. */
const RUNS = 3;
const WARM_UP_SECONDS = 5;
const DEFAULT_SECONDS = 15;

const median = (values: number[]) => percentile(values, 50);

/**
 * QM_BENCH_HTTP_SETUPS=whole,api-only,embedded,in-process,hello picks some setups (for profiling
 * one of them); the results file then holds only their keys. `api-alone` (never in the default
 * set) is a diagnosis: the command API with no projector process at all, as a note.
 */
const chosen = process.env.QM_BENCH_HTTP_SETUPS?.split(',');
const runs = (setup: string) => (!chosen ? setup !== 'api-alone' : chosen.includes(setup));

interface HttpRun {
  load: OrderLoadResult;
  lagP99: number;
  healthP99: number;
  /** CPU seconds per wall second of each process of the setup (1 = one core busy). */
  cores: number[];
  /** The API process's event-loop delay p99 over the run, ms (its `qm_event_loop_delay_seconds`). */
  loopDelayP99: number;
  /** Cores by process kind: the server, its worker, PostgreSQL's backends, the rest of the machine. */
  split: Record<string, number>;
  /** What the setup's processes sent to SQL per order answered (a diagnosis; see statement-count.ts). */
  statements: StatementsPerOrder;
}

/** Statements per order of each setup run, written apart from http.json (its keys are the issue's). */
const statementResults: Record<string, StatementsPerOrder> = {};

/**
 * `npm run bench -- http`: what a storefront gets from `qm serve` over HTTP, against what the
 * engine does in process, on PostgreSQL and embedded (see the HTTP speed notes in the README).
 */
export async function httpBench(options: { seconds: number; backends: string[]; secondsGiven?: boolean }) {
  const seconds = options.secondsGiven ? options.seconds : DEFAULT_SECONDS;
  const notes: string[] = [
    `each figure: median of ${RUNS} runs of ${seconds} s, each after ${WARM_UP_SECONDS} s of the same load`,
    `${CLIENTS} connections (autocannon in a second process), 3-line orders, SKU0 in 90% of them, ` +
      'a customer JWT and a fresh Idempotency-Key on every POST',
  ];
  const metrics: Record<string, Metric> = {};

  if (runs('hello')) {
    metrics.rps_hello = { value: await medianOf('hello world', () => helloRate(seconds)), unit: 'req/s' };
  }
  for (const backend of options.backends) {
    if (backend !== 'postgres' && backend !== 'pglite')
      throw new Error(`http bench: unknown backend ${backend}`);
    const inProcess = runs('in-process') ? await inProcessRate(backend, seconds) : 0;
    if (backend === 'postgres') {
      if (runs('in-process')) metrics.orders_inproc_per_s = { value: inProcess, unit: 'orders/s' };
      if (runs('whole')) {
        const whole = await servedRuns('whole qm serve on PostgreSQL', seconds, await serverEnv(), false);
        const rate = median(whole.map((r) => r.load.rps));
        metrics.orders_http_per_s = versus(rate, 'orders/s', 'orders_inproc_per_s', inProcess);
        metrics.orders_http_p50_ms = { value: median(whole.map((r) => r.load.p50)), unit: 'ms' };
        metrics.orders_http_p99_ms = { value: median(whole.map((r) => r.load.p99)), unit: 'ms' };
        metrics.projection_lag_p99_ms = { value: median(whole.map((r) => r.lagP99)), unit: 'ms' };
        metrics.health_p99_ms_under_load = { value: median(whole.map((r) => r.healthP99)), unit: 'ms' };
        notes.push(
          `whole system: qm serve and its qm work used ${describeCores(whole)}; ` +
            `the API process's event-loop delay p99 ${whole.map((r) => r.loopDelayP99.toFixed(1)).join(', ')} ms`,
        );
      }
      if (runs('api-only')) {
        const label = 'qm serve --no-projectors --no-fanout, beside qm project';
        const apiOnly = await servedRuns(label, seconds, await serverEnv(), true);
        const rate = median(apiOnly.map((r) => r.load.rps));
        metrics.orders_http_api_only_per_s = versus(rate, 'orders/s', 'orders_inproc_per_s', inProcess);
        notes.push(
          `API-only: p50 ${median(apiOnly.map((r) => r.load.p50))} ms, p99 ${median(apiOnly.map((r) => r.load.p99))} ms; ` +
            `serve + project CPU ${describeCores(apiOnly)}`,
        );
      }
      if (runs('api-alone')) {
        const alone = await servedRuns('the command API alone', seconds, await serverEnv(), true, true);
        notes.push(
          `the command API alone (no projectors anywhere): ${Math.round(median(alone.map((r) => r.load.rps)))} orders/s, ` +
            `p99 ${median(alone.map((r) => r.load.p99))} ms, CPU ${describeCores(alone)}`,
        );
      }
    } else {
      if (runs('in-process')) metrics.orders_inproc_pglite_per_s = { value: inProcess, unit: 'orders/s' };
      if (runs('embedded')) {
        const dataDir = mkdtempSync(join(tmpdir(), 'qm-bench-embedded-'));
        try {
          const embedded = await servedRuns(
            'embedded qm serve (PGlite)',
            seconds,
            { QM_DATA_DIR: dataDir },
            false,
          );
          const rate = median(embedded.map((r) => r.load.rps));
          metrics.orders_http_pglite_per_s = versus(
            rate,
            'orders/s',
            'orders_inproc_pglite_per_s',
            inProcess,
          );
          notes.push(
            `embedded: p50 ${median(embedded.map((r) => r.load.p50))} ms, p99 ${median(embedded.map((r) => r.load.p99))} ms, ` +
              `/health p99 ${median(embedded.map((r) => r.healthP99)).toFixed(1)} ms; server CPU ${describeCores(embedded)}`,
          );
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  }
  writeResult({ suite: 'http', at: new Date().toISOString(), metrics, notes });
  writeStatementResult(statementResults);
}

const cleanups: (() => Promise<void>)[] = [];
const serverEnv = () => benchServerEnv(cleanups);

async function servedRuns(
  label: string,
  seconds: number,
  env: Record<string, string>,
  apiOnly: boolean,
  alone = false,
): Promise<HttpRun[]> {
  console.log(`\n${label}: starting`);
  const tallyDir = mkdtempSync(join(tmpdir(), 'qm-bench-sql-tally-'));
  const system = await startServedSystem({ env: { ...env, QM_SQL_TALLY_DIR: tallyDir }, apiOnly, alone });
  try {
    const last = await seed(system);
    if (!alone) await caughtUp(system, last);
    const runs: HttpRun[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await orderHttpLoad({
        url: system.writeUrl,
        token: system.customerToken,
        connections: CLIENTS,
        seconds: WARM_UP_SECONDS,
      });
      const watcher = env.DATABASE_URL ? await watchCheckpoints(env.DATABASE_URL) : undefined;
      const health = probeHealth(system.writeUrl);
      await eventLoopDelayP99(system.writeUrl); // the scrape resets the server's histogram
      const countBefore = await statementsNow(tallyDir);
      const cpuBefore = system.pids.map(cpuSeconds);
      const database = env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : null;
      const splitBefore = coreSplit(system, database);
      const begun = performance.now();
      const load = await orderHttpLoad({
        url: system.writeUrl,
        token: system.customerToken,
        connections: CLIENTS,
        seconds,
      });
      const wall = (performance.now() - begun) / 1000;
      const cores = system.pids.map((pid, i) => (cpuSeconds(pid) - cpuBefore[i]!) / wall);
      const split = perWallSecond(splitBefore, coreSplit(system, database), wall);
      const healthLatencies = await health.stop();
      const loopDelayP99 = await eventLoopDelayP99(system.writeUrl);
      // The last answers' positions need their projection: wait a little before reading the lags.
      await sleep(2_000);
      await watcher?.stop();
      // Counted after the same 2 s, so the work behind the last answers is in (and some of the
      // next warm-up's is not: there is none until the next run starts).
      const statements = statementsPerOrder(countBefore, await statementsNow(tallyDir), load.total);
      const lags = watcher ? watcher.lagsOf(load.samples) : [];
      const unapplied = lags.filter((lag) => !Number.isFinite(lag)).length;
      const result: HttpRun = {
        load,
        lagP99: watcher ? (unapplied > 0 ? Number.POSITIVE_INFINITY : lagPercentile(lags, 99)) : Number.NaN,
        healthP99: percentile(healthLatencies, 99),
        loopDelayP99,
        cores,
        split,
        statements,
      };
      console.log(
        `  run ${run}: ${Math.round(load.rps)} orders/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
          `lag p99 ${result.lagP99.toFixed(0)} ms${unapplied ? ` (${unapplied} not applied in 2 s)` : ''}, ` +
          `/health p99 ${result.healthP99.toFixed(1)} ms, event-loop delay p99 ${result.loopDelayP99.toFixed(1)} ms, CPU ${cores.map((c) => c.toFixed(2)).join(' + ')} cores, ` +
          `SQL per order: ${statements.statements.toFixed(1)} statements, ${statements.roundTrips.toFixed(1)} round trips, ${statements.transactions.toFixed(1)} transactions`,
      );
      console.log(`    where the cores went: ${describeSplit(split)}`);
      runs.push(result);
    }
    statementResults[label] = runs.at(-1)!.statements;
    return runs;
  } finally {
    await system.stop();
    rmSync(tallyDir, { recursive: true, force: true });
    for (const cleanup of cleanups.splice(0)) await cleanup();
  }
}

/** The bench shop, created over HTTP as an admin would; returns the last write's consistency token. */
async function seed(system: ServedSystem): Promise<string> {
  for (const location of LOCATIONS)
    await post(system, '/locations', { locationId: location, name: location });
  let last = '';
  for (let s = 0; s < SKUS; s++) {
    await post(system, '/products', benchProduct(s));
    for (const receipt of benchReceipts(s)) {
      last = (await post(system, '/stock/receipts', receipt)).headers.get('qm-position') ?? last;
    }
  }
  return last;
}

/** Waits until the read API serves the seed (its last write, by consistency token). */
async function caughtUp(system: ServedSystem, token: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetch(`${system.readUrl}/products/p${SKUS - 1}`, {
      headers: { 'x-consistency-token': token, authorization: `Bearer ${system.adminToken}` },
    });
    await response.arrayBuffer();
    if (response.ok && response.headers.get('x-stale') !== 'true') return;
    await sleep(500);
  }
  throw new Error('the read models did not catch up with the seed within a minute');
}

/** The orders benchmark's in-process figure: 16 clients calling the command handlers. */
async function inProcessRate(backend: BenchBackend, seconds: number): Promise<number> {
  const shop = await openInProcessShop(backend);
  try {
    const rates: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      await runLoad(
        `warm-up, in process (${backend})`,
        { workers: CLIENTS, seconds: WARM_UP_SECONDS },
        async () => {
          await shop.place(3);
          return 1;
        },
      );
      const result = await runLoad(
        `in process ${run}/${RUNS} (${backend})`,
        { workers: CLIENTS, seconds },
        async () => {
          await shop.place(3);
          return 1;
        },
      );
      rates.push(result.perSecond);
    }
    return median(rates);
  } finally {
    await shop.close();
  }
}

/** Requests/s of a bare Hono app in a process of its own, under the same load generator. */
async function helloRate(seconds: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'lib', 'hello-server.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`hello server exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}`;
    await httpLoad({ url, paths: ['/'], connections: CLIENTS, seconds: WARM_UP_SECONDS });
    return (await httpLoad({ url, paths: ['/'], connections: CLIENTS, seconds })).rps;
  } finally {
    child.kill('SIGTERM');
  }
}

async function medianOf(label: string, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    values.push(await measure());
    console.log(`${label} ${run}/${RUNS}: ${Math.round(values.at(-1)!)}/s`);
  }
  return median(values);
}

/** The p99 of `qm_event_loop_delay_seconds` since the last scrape, in ms (NaN when not exposed). */
async function eventLoopDelayP99(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('qm_event_loop_delay_seconds{quantile="0.99"}'));
  return line ? Number(line.split(' ').at(-1)) * 1000 : Number.NaN;
}

/**
 * CPU seconds so far by who spent them: the server's own threads, its `qm work`, any process
 * apart (`qm project`), the PostgreSQL backends of the bench's database (per backend, listed at
 * each sample: `postgresBackendCpu`), and the whole machine (whose rest is the load generator,
 * the health prober, NATS, Redis and anything else running).
 */
function coreSplit(system: ServedSystem, database: string | null): CoreSample {
  const [serve, ...apart] = system.pids as [number, ...number[]];
  const serveTotal = cpuSeconds(serve);
  const serveOwn = ownCpuSeconds(serve);
  return {
    seconds: {
      serve: serveOwn,
      'serve worker': serveTotal - serveOwn,
      apart: apart.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
      machine: machineBusySeconds(),
    },
    backends: database === null ? new Map<number, number>() : postgresBackendCpu(database),
  };
}

interface CoreSample {
  seconds: Record<string, number>;
  backends: Map<number, number>;
}

function perWallSecond(before: CoreSample, after: CoreSample, wall: number): Record<string, number> {
  const spent: Record<string, number> = {
    ...Object.fromEntries(Object.keys(after.seconds).map((k) => [k, after.seconds[k]! - before.seconds[k]!])),
    postgres: backendCpuBetween(before.backends, after.backends),
  };
  const cores = Object.fromEntries(Object.entries(spent).map(([k, v]) => [k, v / wall]));
  const accounted = Object.entries(cores)
    .filter(([k]) => k !== 'machine')
    .reduce((sum, [, v]) => sum + v, 0);
  return { ...cores, rest: cores.machine! - accounted };
}

function describeSplit(split: Record<string, number>): string {
  return Object.entries(split)
    .filter(([, v]) => v > 0.005)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(', ');
}

function describeCores(runs: HttpRun[]): string {
  return runs.map((run) => run.cores.map((c) => c.toFixed(2)).join('+')).join(', ') + ' cores';
}
