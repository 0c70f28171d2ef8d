import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stockDecider, type StockState } from '../../domain/inventory/index.ts';
import * as pmap from '../../domain/persistent-map.ts';
import { promotionRedemptionStream, stockStream } from '../../domain/streams.ts';
import { mintToken } from '../../infra/auth/mint-token.ts';
import { createSqlEventStore } from '../../infra/event-store/sql/sql-event-store.ts';
import { createPgClient } from '../../infra/sql/pg-client.ts';
import type { EventStore } from '../../ports/event-store.ts';
import {
  CLIENTS,
  HOT_SHARE,
  LOCATIONS,
  SKUS,
  benchAddress,
  benchProduct,
  benchReceipts,
} from '../lib/bench-shop.ts';
import { percentile } from '../lib/load.ts';
import { cpuSeconds, ownCpuSeconds, postgresBackendCpu } from '../lib/process-cpu.ts';
import { runLoadProcess } from '../lib/load-process.ts';
import { versus, writeResult, type Metric } from '../lib/results.ts';
import { statementsPerOrder, type StatementsPerOrder } from '../lib/statement-count.ts';
import {
  cpuPerItem,
  emptyPhase,
  noStatements,
  runSlice,
  type CpuFigures,
  type CpuSample,
} from '../lib/interleaved-phases.ts';
import type { StatementTotals } from '../../infra/sql/statement-tally.ts';
import { BENCH_SECRET, post, startServedSystem, type ServedSystem } from '../lib/served-system.ts';
import { benchServerEnv } from '../lib/server-env.ts';
import { measurePromotionEval } from './promotions.ts';

const DEFAULT_SECONDS = 40;
/** The bench runs with 5-second holds, and counts the holds still open 2 s after they are all due. */
const HOLD_TTL_SECONDS = 5;
/**
 * Slices per phase (bench/lib/interleaved-phases.ts); a smoke run under 8 s runs each phase once.
 * Eight, not four: the kernel's writeback of the services' files (PostgreSQL, NATS, chDB) comes in
 * bursts of a second or two that cost up to a third of a checkout's CPU in the slice they land in,
 * and with four slices per phase where they landed moved the ratio by a tenth between runs.
 */
const ROUNDS = 8;
/**
 * Each slice of the flow runs this long before its window opens (bench/lib/checkout-load.mjs): the
 * rate is the steady state's, without the ramp or the drain of 16 shoppers' flows.
 */
const SLICE_WARM_UP_SECONDS = 1;
const STEPS = ['create', 'add', 'address', 'options', 'start', 'checkout'] as const;
/** A smoke run (`-s`) sells fewer flash units, so that it ends in seconds on a busy machine too. */
const SHORT_FLASH_UNITS = 200;
const FLASH_UNITS = 1000;
const COUPON = 'BENCH10';
const FLASH = 'FLASH1000';

interface LoadAnswer {
  steps: Record<(typeof STEPS)[number] | 'coupon', number[]>;
  /** Every flow finished (and placed, refused), in the measured window or not. */
  flows: number;
  placed: number;
  refused: number;
  /** The flows finished (and placed) inside the measured window of `windowMs`. */
  windowFlows: number;
  windowPlaced: number;
  windowMs: number;
  errors: number;
  /** Requests answered 503 and retried with the same Idempotency-Key (the step's time includes it). */
  retries: number;
  errorSamples: unknown[];
  statusCodes: Record<string, number>;
  elapsedMs: number;
  lastSuccessMs: number;
  /** The load generator's own CPU (ms), which the server under test did not get. */
  cpuMs: number;
}

/** The checkout shop's products: `c0` the hot one, stock finite so that some checkouts are refused. */
const checkoutProduct = (s: number) => ({
  ...benchProduct(s),
  productId: `c${s}`,
  sku: `CHK${s}`,
  name: `Checkout product ${s}`,
});

/**
 * `npm run bench -- checkout [-s seconds]`: the storefront's whole flow over HTTP against `qm serve`
 * in server mode on PostgreSQL (issue 17), with the coupon and flash-sale figures (issue 18). `-s`
 * shortens every load phase (a smoke run); the default is 40 s.
 */
export async function checkoutBench(options: { seconds: number; secondsGiven?: boolean }): Promise<void> {
  const seconds = options.secondsGiven ? options.seconds : DEFAULT_SECONDS;
  // The in-process evaluation first, on a quiet machine: measured after the load phases it shared
  // two cores with qm work still projecting the flash sale, and its p99 was that contention's.
  const promotionEval = measurePromotionEval(Math.min(5, seconds));
  const cleanups: (() => Promise<void>)[] = [];
  const env = await benchServerEnv(cleanups, 'qm_bench_checkout');
  // Enough of the hot SKU for about 15 checkouts a second at each location: on a fast machine it
  // runs out during the run, so the refusals of a sold-out SKU are part of the figure.
  const rounds = seconds >= 8 ? Math.min(ROUNDS, Math.floor(seconds / 5)) : 1;
  const hotStock = Math.max(100, 15 * (seconds + rounds * SLICE_WARM_UP_SECONDS));
  const flashUnits = options.secondsGiven ? Math.min(FLASH_UNITS, SHORT_FLASH_UNITS) : FLASH_UNITS;
  // Each phase runs `seconds` in all, in alternating slices (bench/lib/interleaved-phases.ts).
  const sliceSeconds = seconds / rounds;
  const warmUp = Math.min(sliceSeconds, 5);
  // What the API and worker processes send to SQL, per checkout (see infra/sql/statement-tally.ts).
  // It counts the work done by the clock too (the log tail's and projectors' polls), so it rises
  // when a loaded machine finishes fewer checkouts: compare it between runs of similar rates.
  const tallyDir = mkdtempSync(join(tmpdir(), 'qm-bench-sql-tally-'));
  cleanups.push(() => Promise.resolve(rmSync(tallyDir, { recursive: true, force: true })));
  const system = await startServedSystem({
    env: { ...env, QM_CHECKOUT_HOLD_TTL_SECONDS: String(HOLD_TTL_SECONDS), QM_SQL_TALLY_DIR: tallyDir },
  });
  const client = createPgClient({ connectionString: env.DATABASE_URL, maxConnections: 2 });
  const store = createSqlEventStore(client);
  try {
    await seed(system, hotStock, flashUnits);
    // One customer per connection: the per-customer hold cap counts one shopper's carts.
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        mintToken({ secret: BENCH_SECRET, subject: `bench-shopper-${i}`, role: 'customer', ttl: '2h' }),
      ),
    );
    const products = Array.from({ length: SKUS }, (_, s) => `c${s}`);
    const common = {
      url: system.writeUrl,
      tokens,
      connections: CLIENTS,
      products,
      hotShare: HOT_SHARE,
      address: benchAddress,
    };

    // A few seconds of the flow unmeasured first: the cart routes' first requests compile and fill
    // caches, which no later slice pays for (the order path's were paid by the seeding).
    console.log(`\nwarm-up: the checkout flow for ${warmUp} s`);
    await load({ ...common, mode: 'flow', seconds: warmUp });
    const database = new URL(env.DATABASE_URL).pathname.slice(1);
    const cpu = () => cpuNow(system, database);
    const slice = { settle: () => idle(cpu), cpu, tallyDir };
    const flowPhase = emptyPhase<LoadAnswer>();
    const baselinePhase = emptyPhase<LoadAnswer>();
    const couponPhase = emptyPhase<LoadAnswer>();
    console.log(
      `${rounds} rounds of ${sliceSeconds} s each: orders over HTTP (baseline), the flow with the shared code ${COUPON}, the checkout flow (${CLIENTS} shoppers)`,
    );
    // The checkout flow last in each round, so that the holds check below follows its last slice.
    for (let round = 0; round < rounds; round++) {
      // The baseline through the same load generator as the flow (its `order` mode): the same
      // client, connections and measured window, so that the rates differ by the server's work.
      await runSlice(baselinePhase, {
        ...slice,
        run: () =>
          load({
            ...common,
            tokens: [system.customerToken],
            products: products.map((_, s) => `p${s}`),
            mode: 'order',
            seconds: sliceSeconds,
            warmUpSeconds: SLICE_WARM_UP_SECONDS,
          }),
      });
      await runSlice(couponPhase, {
        ...slice,
        run: () =>
          load({
            ...common,
            products: products.map((_, s) => `p${s}`),
            mode: 'coupon',
            code: COUPON,
            seconds: sliceSeconds,
            warmUpSeconds: SLICE_WARM_UP_SECONDS,
          }),
      });
      await runSlice(flowPhase, {
        ...slice,
        run: () =>
          load({ ...common, mode: 'flow', seconds: sliceSeconds, warmUpSeconds: SLICE_WARM_UP_SECONDS }),
      });
    }
    // Every hold of the run is due TTL after its start: 2 s past that, none may be left open.
    await sleep((HOLD_TTL_SECONDS + 2) * 1000);
    const stock = await stockFigures(store, SKUS);
    const flow = merged(flowPhase.results);
    const coupon = merged(couponPhase.results);
    const orders = merged(baselinePhase.results);
    const baseline = { total: orders.flows, rps: (orders.windowFlows / orders.windowMs) * 1000 };
    const flowCpuMs = cpuPerItem(flowPhase.cpuMs, flow.flows);
    const couponCpuMs = cpuPerItem(couponPhase.cpuMs, coupon.flows);
    const baselineCpuMs = cpuPerItem(baselinePhase.cpuMs, baseline.total);
    console.log(
      `  CPU ms (API process / qm work / PostgreSQL): per checkout ${describeCpu(flowCpuMs)}, with the code ${describeCpu(couponCpuMs)}; per baseline order ${describeCpu(baselineCpuMs)}`,
    );
    const clientCpuMs = {
      flow: round2(flow.cpuMs / flow.flows),
      coupon: round2(coupon.cpuMs / coupon.flows),
      order: round2(orders.cpuMs / orders.flows),
    };
    console.log(
      `  load generator CPU ms: per checkout ${clientCpuMs.flow}, with the code ${clientCpuMs.coupon}; per baseline order ${clientCpuMs.order}`,
    );
    const flowSql = sqlPerCheckout('checkout flow', flowPhase.sql, flow.flows);
    const couponSql = sqlPerCheckout('with the code', couponPhase.sql, coupon.flows);
    const redeemed = await redemptions(store, 'bench-coupon');

    await idle(cpu);
    console.log(`flash sale through carts: ${flashUnits} discounted units of one SKU, ${CLIENTS} clients`);
    const flash = await load({
      ...common,
      mode: 'flash',
      code: FLASH,
      flashProductId: 'flash',
      seconds: 600,
    });
    const flashRedeemed = await redemptions(store, 'bench-flash');

    const flowRate = (flow.windowFlows / flow.windowMs) * 1000;
    const metrics: Record<string, Metric> = {
      checkouts_per_s: versus(flowRate, 'checkouts/s', 'orders_http_baseline_per_s', baseline.rps),
    };
    for (const step of STEPS) {
      metrics[`checkout_${step}_p50_ms`] = { value: percentile(flow.steps[step], 50), unit: 'ms' };
      metrics[`checkout_${step}_p99_ms`] = { value: percentile(flow.steps[step], 99), unit: 'ms' };
    }
    metrics.orders_http_baseline_per_s = { value: baseline.rps, unit: 'orders/s' };
    metrics.holds_leaked = { value: stock.openHolds, unit: 'holds' };
    metrics.oversold = { value: stock.oversold, unit: 'units' };
    const couponRate = (coupon.windowPlaced / coupon.windowMs) * 1000;
    metrics.checkouts_with_coupon_per_s = versus(couponRate, 'checkouts/s', 'checkouts_per_s', flowRate);
    metrics.over_redeemed = {
      value: Math.max(0, redeemed.uses - COUPON_LIMIT) + Math.abs(redeemed.uses - coupon.placed),
      unit: 'redemptions',
    };
    const sellOut = flash.lastSuccessMs / 1000;
    metrics.flash_sale_checkouts_per_s = versus(
      sellOut > 0 ? Math.min(flash.placed, flashUnits) / sellOut : 0,
      'units/s',
      'orders_http_baseline_per_s',
      baseline.rps,
    );
    const flashStock = await streamOversold(store, stockStream('FLASH', LOCATIONS[0]));
    metrics.flash_sale_oversold = {
      value: Math.max(0, flashRedeemed.units - flashUnits, flash.placed - flashUnits) + flashStock.oversold,
      unit: 'units',
    };
    metrics.promotion_eval_us_p99 = { value: promotionEval.p99, unit: 'µs' };

    writeResult({
      suite: 'checkout',
      at: new Date().toISOString(),
      backend: 'postgres',
      metrics,
      notes: [
        `whole qm serve in server mode on PostgreSQL (qm work beside it); load from a second process (bench/lib/checkout-load.mjs, for every phase), ${CLIENTS} connections, a fresh Idempotency-Key on every POST, a customer JWT per shopper in the flows (one customer for the baseline's orders); the baseline's rate counted like the flow's, inside each slice's window after ${SLICE_WARM_UP_SECONDS} s unmeasured; ${seconds} s per phase, run as ${rounds} alternating slices of ${sliceSeconds} s (baseline, coupon, flow), each after qm work went idle`,
        `checkout flow: 8 requests (create, 3 adds, address, shipping options, start, checkout) over ${SKUS} products, c0 in ${HOT_SHARE * 100}% of carts with ${hotStock} units at each of ${LOCATIONS.length} locations; checkouts_per_s counts the flows finished inside the measured windows (each slice's ${sliceSeconds} s, after ${SLICE_WARM_UP_SECONDS} s of the flow unmeasured): ${flow.windowFlows} in ${(flow.windowMs / 1000).toFixed(1)} s; in all ${flow.placed} placed and ${flow.refused} refused (stock gone); counted the earlier way (every flow begun before each slice's deadline, over the time until the last one ended) ${((flow.flows / flow.elapsedMs) * 1000).toFixed(2)} checkouts/s`,
        `holds with a ${HOLD_TTL_SECONDS} s TTL; holds_leaked: holds neither converted nor released ${HOLD_TTL_SECONDS + 2} s after the last flow; oversold: the most any stock stream's reserved + held ever exceeded on hand`,
        'the shop has no shipping zones (like the POST /orders baseline, which sends no method), so the options step lists none and checkout ships nothing',
        `checkouts_with_coupon_per_s: successful checkouts of the same 8-request flow plus the code entered on the cart (9 requests), over products whose stock lasts the run, every checkout redeeming the shared code ${COUPON} with its order (the code's redemption stream as hot as the hot SKU); ${redeemed.uses} redemptions for ${coupon.placed} checkouts (${coupon.refused} refused), limit ${COUPON_LIMIT}`,
        `flash sale through carts (create, add 1 unit, address, code, options, start, checkout): ${flash.placed} checkouts placed, the last ${sellOut.toFixed(2)} s after the first request (sold out), ${flashRedeemed.units} discounted units redeemed of ${flashUnits}${flashUnits < FLASH_UNITS ? " (a short run sells fewer than the full run's " + FLASH_UNITS + ')' : ''}`,
        'promotion_eval_us_p99: the promotions bench measurement (50 promotions on a 20-line cart), in process, before the served system starts',
        `CPU ms (API process / qm work / this database's PostgreSQL backends), less moved by the machine's load than the rates: per checkout ${describeCpu(flowCpuMs)}, with the code ${describeCpu(couponCpuMs)}; per baseline order ${describeCpu(baselineCpuMs)}`,
        `the load generator's own CPU on the same cores (one for every phase, bench/lib/checkout-load.mjs, a raw keep-alive socket per shopper): ${clientCpuMs.flow} ms per checkout, ${clientCpuMs.coupon} with the code, ${clientCpuMs.order} ms per baseline order`,
        `SQL per checkout (both processes, answers and projections): ${describeSql(flowSql)} in the flow, ${describeSql(couponSql)} with the code`,
        `requests answered 503 and retried with the same Idempotency-Key, as a storefront does: ${flow.retries} in the flow, ${coupon.retries} with the code, ${flash.retries} in the flash sale`,
      ],
    });
  } finally {
    await store.close();
    await system.stop();
    for (const cleanup of cleanups) await cleanup();
  }
}

const COUPON_LIMIT = 1_000_000;

/**
 * CPU seconds so far of the API process, its children (`qm work`) and the backends serving
 * `database` now (none counted when null).
 */
export function cpuNow(system: ServedSystem, database: string | null): CpuSample {
  const api = ownCpuSeconds(system.pid);
  return {
    api,
    worker: cpuSeconds(system.pid) - api,
    postgres: database === null ? new Map<number, number>() : postgresBackendCpu(database),
  };
}

/** The slices of a phase as one answer: counts added, step times together, time summed. */
function merged(answers: readonly LoadAnswer[]): LoadAnswer {
  const sum = (pick: (answer: LoadAnswer) => number) => answers.reduce((total, a) => total + pick(a), 0);
  const steps = Object.fromEntries(
    Object.keys(answers[0]!.steps).map((step) => [
      step,
      answers.flatMap((answer) => answer.steps[step as keyof LoadAnswer['steps']]),
    ]),
  ) as LoadAnswer['steps'];
  const statusCodes: Record<string, number> = {};
  for (const answer of answers)
    for (const [code, count] of Object.entries(answer.statusCodes))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    steps,
    flows: sum((a) => a.flows),
    placed: sum((a) => a.placed),
    refused: sum((a) => a.refused),
    windowFlows: sum((a) => a.windowFlows),
    windowPlaced: sum((a) => a.windowPlaced),
    windowMs: sum((a) => a.windowMs),
    errors: sum((a) => a.errors),
    retries: sum((a) => a.retries),
    errorSamples: answers.flatMap((answer) => answer.errorSamples),
    statusCodes,
    elapsedMs: sum((a) => a.elapsedMs),
    lastSuccessMs: Math.max(...answers.map((answer) => answer.lastSuccessMs)),
    cpuMs: sum((a) => a.cpuMs),
  };
}

/**
 * Waits until `qm work` is idle (under 5% of a core over half a second): the projections and
 * consumers have caught up with the phase before, whose events they would otherwise still be
 * working through (and charging to the next phase's figures). At most a minute.
 */
export async function idle(cpu: () => CpuSample): Promise<void> {
  const started = Date.now();
  let before = cpu();
  while (Date.now() - started < 60_000) {
    await sleep(500);
    const now = cpu();
    if (now.worker - before.worker < 0.025) return;
    before = now;
  }
  console.log('  qm work still busy after a minute; measuring anyway');
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const describeCpu = ({ api, worker, postgres }: CpuFigures) => `${api} / ${worker} / ${postgres}`;

/** Statements per checkout of a phase, printed with the twelve most frequent. */
function sqlPerCheckout(phase: string, spent: StatementTotals, flows: number): StatementsPerOrder {
  const per = statementsPerOrder(noStatements(), spent, flows);
  console.log(`  SQL per checkout (${phase}): ${describeSql(per)}`);
  for (const [text, count] of Object.entries(per.top).slice(0, 12)) console.log(`    ${count}  ${text}`);
  return per;
}

const describeSql = (per: StatementsPerOrder) =>
  `${per.statements} statements, ${per.roundTrips} round trips, ${per.transactions} transactions`;

/**
 * The shop, over HTTP as an admin: locations, the tax it charges where the shoppers live (Germany,
 * prices tax-inclusive, as an EU shop), the checkout products, the baseline's, the two promotions.
 * With a tax region every priced cart change and every baseline order computes tax, as in a shop
 * that sells. No shipping zone: once a shop has one, an order must name a shipping method (400
 * without one), and the eight-request flow chooses none, so shipping stays unpriced here.
 */
export async function seed(system: ServedSystem, hotStock: number, flashUnits: number): Promise<void> {
  for (const location of LOCATIONS)
    await post(system, '/locations', { locationId: location, name: location });
  // The shoppers' own country, so that every cart with their address and every order is taxed.
  await post(system, '/tax/regions', {
    regionId: 'de',
    country: benchAddress.country,
    pricesIncludeTax: true,
    ratesBps: { standard: 1900, reduced: 700 },
    shippingTaxClass: 'standard',
  });
  for (let s = 0; s < SKUS; s++) {
    await post(system, '/products', checkoutProduct(s));
    for (const location of LOCATIONS)
      await post(system, '/stock/receipts', {
        sku: `CHK${s}`,
        location,
        quantity: s === 0 ? hotStock : 100_000,
        reference: null,
      });
    // The baseline's and the coupon phase's products (bench-shop.ts), with stock for any run.
    await post(system, '/products', benchProduct(s));
    for (const receipt of benchReceipts(s)) await post(system, '/stock/receipts', receipt);
  }
  // The flash SKU has exactly the sale's units: the sale is sold out when its stock is (every order
  // after answers 409), and any unit sold past it would show as oversold.
  await post(system, '/products', { ...benchProduct(0), productId: 'flash', sku: 'FLASH', name: 'Flash' });
  await post(system, '/stock/receipts', {
    sku: 'FLASH',
    location: LOCATIONS[0],
    quantity: flashUnits,
    reference: null,
  });
  const rules = { currency: 'EUR' };
  await post(system, '/promotions', {
    promotionId: 'bench-coupon',
    definition: {
      name: 'Bench coupon',
      rules,
      action: { kind: 'order_percent', basisPoints: 1000 },
      codes: { mode: 'shared', code: COUPON },
      limits: { counts: 'orders', total: COUPON_LIMIT, perCustomer: null, perCode: null },
    },
  });
  await post(system, '/promotions', {
    promotionId: 'bench-flash',
    definition: {
      name: 'Bench flash sale',
      rules: { ...rules, productIds: ['flash'] },
      action: { kind: 'items_percent', basisPoints: 5000 },
      codes: { mode: 'shared', code: FLASH },
      limits: { counts: 'units', total: flashUnits, perCustomer: null, perCode: null },
    },
  });
  for (const id of ['bench-coupon', 'bench-flash']) await post(system, `/promotions/${id}/activate`, {});
}

async function load(args: Record<string, unknown>): Promise<LoadAnswer> {
  const script = join(import.meta.dirname, '..', 'lib', 'checkout-load.mjs');
  const answer = await runLoadProcess<LoadAnswer>(script, args, 'checkout load generator');
  if (answer.errors > 0)
    throw new Error(
      `checkout load (${String(args.mode)}): ${answer.errors} unexpected answers ${JSON.stringify(answer.statusCodes)}: ${JSON.stringify(answer.errorSamples)}`,
    );
  return answer;
}

/** Folds every checkout SKU's stock streams: holds still open, and the worst oversell of their history. */
async function stockFigures(
  store: EventStore,
  skus: number,
): Promise<{ openHolds: number; oversold: number }> {
  let openHolds = 0;
  let oversold = 0;
  for (let s = 0; s < skus; s++) {
    for (const location of LOCATIONS) {
      const stream = await streamOversold(store, stockStream(`CHK${s}`, location));
      oversold += stream.oversold;
      openHolds += stream.openHolds;
    }
  }
  return { openHolds, oversold };
}

/** One stock stream: the most its reserved + held ever exceeded on hand, and its holds still open. */
async function streamOversold(
  store: EventStore,
  stream: string,
): Promise<{ oversold: number; openHolds: number }> {
  let state: StockState = stockDecider.initialState();
  let oversold = 0;
  for (const event of await store.readStream(stream)) {
    state = stockDecider.evolve(state, event as never);
    if (state.status === 'tracked') oversold = Math.max(oversold, state.reserved + state.held - state.onHand);
  }
  return { oversold, openHolds: state.status === 'tracked' ? pmap.size(state.cartHolds) : 0 };
}

/** Uses (orders) and units a promotion's redemption stream holds, net of those given back. */
async function redemptions(store: EventStore, promotionId: string): Promise<{ uses: number; units: number }> {
  let uses = 0;
  let units = 0;
  for (const event of await store.readStream(promotionRedemptionStream(promotionId))) {
    const sign = event.type === 'PromotionRedeemed' ? 1 : event.type === 'RedemptionReleased' ? -1 : 0;
    uses += sign;
    units += sign * Number(event.data.units ?? 0);
  }
  return { uses, units };
}
