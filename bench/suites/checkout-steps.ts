import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { CLIENTS, SKUS, benchAddress } from '../lib/bench-shop.ts';
import { orderHttpLoad } from '../lib/order-http-load.ts';
import { runLoadProcess } from '../lib/load-process.ts';
import { writeResult, type Metric } from '../lib/results.ts';
import { BENCH_SECRET, startServedSystem } from '../lib/served-system.ts';
import { benchServerEnv } from '../lib/server-env.ts';
import { statementsNow, statementsPerOrder } from '../lib/statement-count.ts';
import type { CpuSample } from '../lib/interleaved-phases.ts';
import { cpuNow, idle, seed } from './checkout.ts';

const STEPS = ['create', 'add0', 'add1', 'add2', 'address', 'options', 'start', 'checkout'] as const;
const CARTS_PER_CLIENT = 12;

/**
 * `npm run bench -- checkout-steps`: where the checkout flow's CPU goes, one step at a time. A
 * diagnosis beside `checkout`, whose rates on a shared two-core machine moved by a third between
 * runs of the same code: here 16 connections take 12 carts each through one step, the bench waits
 * for `qm work` to go idle before and after it, and charges the step the CPU the API process and
 * `qm work` spent meanwhile, less what they burn idle. It reports CPU ms and SQL round trips per
 * request of each step, the same for a baseline `POST /orders`, and `order_cpu_share`: a baseline
 * order's CPU over the whole flow's, the figure `checkouts_per_s`'s ratio would be if CPU alone set
 * the rates (its target is 0.2). PostgreSQL's own CPU is left out: its backends' counters, read
 * per process, came back lower after a step than before it. Holds last an hour here, so that no
 * hold runs out between the start and the checkout steps.
 */
export async function checkoutStepsBench(options: {
  seconds: number;
  secondsGiven?: boolean;
}): Promise<void> {
  const orderSeconds = options.secondsGiven ? options.seconds : 10;
  const cleanups: (() => Promise<void>)[] = [];
  const env = await benchServerEnv(cleanups, 'qm_bench_checkout_steps');
  const tallyDir = mkdtempSync(join(tmpdir(), 'qm-bench-steps-tally-'));
  const stateDir = mkdtempSync(join(tmpdir(), 'qm-bench-steps-carts-'));
  cleanups.push(() => Promise.resolve(rmSync(tallyDir, { recursive: true, force: true })));
  cleanups.push(() => Promise.resolve(rmSync(stateDir, { recursive: true, force: true })));
  const system = await startServedSystem({
    env: { ...env, QM_CHECKOUT_HOLD_TTL_SECONDS: '3600', QM_SQL_TALLY_DIR: tallyDir },
  });
  try {
    await seed(system, 100_000, 10);
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        mintToken({ secret: BENCH_SECRET, subject: `bench-shopper-${i}`, role: 'customer', ttl: '2h' }),
      ),
    );
    const common = {
      url: system.writeUrl,
      tokens,
      connections: CLIENTS,
      products: Array.from({ length: SKUS }, (_, s) => `c${s}`),
      address: benchAddress,
    };
    const cpu = () => cpuNow(system, null);
    console.log('\ncheckout steps: warm-up, one cart per shopper');
    const warm = join(stateDir, 'warm-up.json');
    for (const step of STEPS) await stepLoad({ ...common, step, cartsPerClient: 1, stateFile: warm });
    await idle(cpu);

    const before = cpu();
    await sleep(5000);
    const burn = rates(before, cpu(), 5);
    console.log(`idle: API ${pct(burn.api)} of a core, qm work ${pct(burn.worker)}`);

    const metrics: Record<string, Metric> = {};
    const stateFile = join(stateDir, 'carts.json');
    let flowCpu = 0;
    for (const step of STEPS) {
      const figures = await measured(cpu, tallyDir, burn, async () => {
        const answer = await stepLoad({ ...common, step, cartsPerClient: CARTS_PER_CLIENT, stateFile });
        return answer.requests;
      });
      flowCpu += figures.cpuMs;
      metrics[`${step}_cpu_ms`] = { value: figures.cpuMs, unit: 'ms' };
      metrics[`${step}_round_trips`] = { value: figures.roundTrips, unit: 'round trips' };
      console.log(`${step}: ${figures.describe}`);
    }
    const order = await measured(cpu, tallyDir, burn, async () => {
      const baseline = await orderHttpLoad({
        url: system.writeUrl,
        token: system.customerToken,
        connections: CLIENTS,
        seconds: orderSeconds,
      });
      return baseline.total;
    });
    console.log(`POST /orders: ${order.describe}`);
    metrics.flow_cpu_ms = { value: flowCpu, unit: 'ms' };
    metrics.order_cpu_ms = { value: order.cpuMs, unit: 'ms' };
    metrics.order_round_trips = { value: order.roundTrips, unit: 'round trips' };
    metrics.order_cpu_share = { value: order.cpuMs / flowCpu, unit: 'ratio' };
    writeResult({
      suite: 'checkout-steps',
      at: new Date().toISOString(),
      backend: 'postgres',
      metrics,
      notes: [
        `whole qm serve in server mode on PostgreSQL (qm work beside it); ${CLIENTS} connections take ${CARTS_PER_CLIENT} carts each through one step at a time (create, 3 adds, address, shipping options, start, checkout), then ${orderSeconds} s of POST /orders`,
        '<step>_cpu_ms: CPU ms per request of the API process and qm work, from the step until qm work is idle again, less their idle burn; PostgreSQL backends not counted',
        '<step>_round_trips: SQL round trips per request, both processes (infra/sql/statement-tally.ts)',
        "order_cpu_share: order_cpu_ms / flow_cpu_ms, what checkouts_per_s's ratio would be if CPU alone set the rates",
        `idle burn subtracted: API ${pct(burn.api)} of a core, qm work ${pct(burn.worker)}`,
      ],
    });
  } finally {
    await system.stop();
    for (const cleanup of cleanups) await cleanup();
  }
}

/** CPU ms and round trips per request of `run` (which answers its request count). */
async function measured(
  cpu: () => CpuSample,
  tallyDir: string,
  burn: { api: number; worker: number },
  run: () => Promise<number>,
): Promise<{ cpuMs: number; roundTrips: number; describe: string }> {
  await idle(cpu);
  const sqlBefore = await statementsNow(tallyDir);
  const before = cpu();
  const started = Date.now();
  const requests = await run();
  await idle(cpu);
  const after = cpu();
  const seconds = (Date.now() - started) / 1000;
  const sql = statementsPerOrder(sqlBefore, await statementsNow(tallyDir), requests);
  const per = (spent: number, idleShare: number) => ((spent - idleShare * seconds) * 1000) / requests;
  const api = per(after.api - before.api, burn.api);
  const worker = per(after.worker - before.worker, burn.worker);
  return {
    cpuMs: api + worker,
    roundTrips: sql.roundTrips,
    describe: `${requests} requests; CPU ms per request: API ${api.toFixed(2)}, qm work ${worker.toFixed(2)}; ${sql.roundTrips} round trips`,
  };
}

const rates = (before: CpuSample, after: CpuSample, seconds: number) => ({
  api: (after.api - before.api) / seconds,
  worker: (after.worker - before.worker) / seconds,
});

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

interface StepAnswer {
  requests: number;
  statusCodes: Record<string, number>;
  errorSample: unknown;
}

async function stepLoad(args: Record<string, unknown>): Promise<StepAnswer> {
  const script = join(import.meta.dirname, '..', 'lib', 'checkout-steps-load.mjs');
  const answer = await runLoadProcess<StepAnswer>(script, args, 'checkout steps load');
  if (answer.errorSample)
    throw new Error(
      `checkout step ${String(args.step)}: unexpected answers ${JSON.stringify(answer.statusCodes)}: ${JSON.stringify(answer.errorSample)}`,
    );
  return answer;
}
